"""The sandbox layer on its own: the pool, the reaper, the local backend's explicit opt-in."""
import time

import numpy as np
import pytest

from grader.cli import main as cli_main
from grader.sandbox import CaseInput, Ending, Limits, SandboxPool
from grader.sandbox.docker_backend import LABEL, OWNER_LABEL, PYTHON, DockerSandbox

SOURCE = "import numpy as np\ndef f(x):\n    return np.asarray(x) * 2\n"


def run(sandbox, source=SOURCE, cases=None, limits=Limits(time_per_case_s=1.0)):
    cases = cases or [CaseInput(args=[np.arange(3)], kwargs={})]
    return sandbox.run(source=source, entry_point="f", cases=cases, limits=limits)


@pytest.mark.docker
def test_a_pooled_sandbox_is_used_once_and_replaced(docker_sandbox):
    with SandboxPool(docker_sandbox, size=2, limits=Limits(time_per_case_s=1.0)) as pool:
        pool.wait_full()
        first = pool.acquire()
        second = pool.acquire()
        assert first.cid != second.cid
        for channel in (first, second):
            channel.kill()
            channel.finish()
        pool.wait_full()
        third = pool.acquire()
        assert third.cid not in (first.cid, second.cid)
        third.kill()
        third.finish()


@pytest.mark.docker
def test_pooled_runs_never_share_state(docker_sandbox):
    stateful = ("import os\nCOUNT = []\ndef f(x):\n    COUNT.append(1)\n"
                "    open('/tmp/marker', 'a').write('x')\n    return [len(COUNT), len(open('/tmp/marker').read())]\n")
    with SandboxPool(docker_sandbox, size=1, limits=Limits(time_per_case_s=1.0)) as pool:
        results = [run(pool, stateful) for _ in range(3)]
    assert [r.cases[0].value for r in results] == [[1, 1]] * 3


@pytest.mark.docker
def test_a_pool_with_other_limits_falls_back_to_a_fresh_container(docker_sandbox):
    with SandboxPool(docker_sandbox, size=1, limits=Limits(memory_mb=256)) as pool:
        result = run(pool, limits=Limits(memory_mb=64, time_per_case_s=1.0))
    assert result.ending is Ending.FINISHED


@pytest.mark.docker
def test_the_reaper_removes_containers_of_dead_graders_only(docker_sandbox):
    api = docker_sandbox.client.api
    dead = api.create_container(docker_sandbox.image, command=[PYTHON, "-c", "pass"],
                                labels={LABEL: "1", OWNER_LABEL: f"{docker_sandbox.owner.split(':')[0]}:999999:1"})
    alive = api.create_container(docker_sandbox.image, command=[PYTHON, "-c", "pass"],
                                 labels={LABEL: "1", OWNER_LABEL: docker_sandbox.owner})
    try:
        assert docker_sandbox.reap_orphans() >= 1
        ids = {c["Id"] for c in api.containers(all=True, filters={"label": LABEL})}
        assert dead["Id"] not in ids and alive["Id"] in ids
    finally:
        api.remove_container(alive["Id"], force=True)


@pytest.mark.docker
def test_a_missing_image_is_a_system_error_not_a_verdict(docker_sandbox):
    from grader import SandboxError

    with pytest.raises(SandboxError, match="runner image .* is missing"):
        DockerSandbox(image="mljudge-runner:does-not-exist", client=docker_sandbox.client)


@pytest.mark.docker
def test_the_container_is_hardened_as_designed(docker_sandbox):
    channel = docker_sandbox.start(Limits(memory_mb=200, pids=32))
    try:
        info = docker_sandbox.client.api.inspect_container(channel.cid)
    finally:
        channel.kill()
        channel.finish()
    host, config = info["HostConfig"], info["Config"]
    assert host["NetworkMode"] == "none" and host["ReadonlyRootfs"] is True
    assert host["CapDrop"] == ["ALL"] and host["SecurityOpt"] == ["no-new-privileges"]
    assert host["Memory"] == host["MemorySwap"] == 200 << 20
    assert host["PidsLimit"] == 32 and host["NanoCpus"] == 10**9 and host["Init"] is True
    assert "noexec" in host["Tmpfs"]["/tmp"] and config["User"] == "65534:65534"
    assert not any(m.get("Source", "").endswith("docker.sock") for m in info["Mounts"])
    assert {e.split("=")[0] for e in config["Env"]} <= {"OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                                                        "PYTHONDONTWRITEBYTECODE", "HOME", "PYTHONHASHSEED", "PATH"}


def test_the_local_backend_grades_with_the_same_harness(local_sandbox):
    result = run(local_sandbox)
    assert result.ending is Ending.FINISHED
    np.testing.assert_array_equal(result.cases[0].value, [0, 2, 4])


def test_the_local_backend_kills_a_run_that_ignores_the_alarm(local_sandbox):
    source = ("import signal\nsignal.signal(signal.SIGALRM, signal.SIG_IGN)\nsignal.signal(signal.SIGPROF, signal.SIG_IGN)\n"
              "def f(x):\n    while True:\n        pass\n")
    t0 = time.monotonic()
    result = run(local_sandbox, source, limits=Limits(time_per_case_s=0.5))
    assert result.ending is Ending.TIMEOUT and result.interrupted == 0
    assert time.monotonic() - t0 < 5


def test_the_cli_says_loudly_that_the_local_backend_is_unsafe(capsys, tmp_path):
    from ..conftest import ROOT

    submission = tmp_path / "s.py"
    submission.write_text("import numpy as np\ndef row_norms(x):\n    return np.linalg.norm(x, axis=1)\n")
    code = cli_main(["grade", str(ROOT / "tests/grader/fixtures/vector-norm"), str(submission), "--sandbox", "local"])
    out, err = capsys.readouterr()
    assert code == 0 and "accepted" in out
    assert "WARNING: the local sandbox runs submissions as this user with no isolation" in err


class _EngineRemovingIt:
    """A Docker client whose engine answers 409 "removal already in progress" (another grader got there
    first) or drops the connection: the reaper must shrug both off."""

    def __init__(self, real, error):
        self._real, self._error = real, error

    def __getattr__(self, name):
        return getattr(self._real, name)

    def remove_container(self, *args, **kwargs):
        raise self._error


@pytest.mark.docker
@pytest.mark.parametrize("error", ["409", "connection"])
def test_the_reaper_never_fails_a_grade_whatever_the_engine_answers(docker_sandbox, error):
    import docker.errors
    import requests

    exc = (docker.errors.APIError("409 Client Error: Conflict (removal of container is already in progress)")
           if error == "409" else requests.exceptions.ConnectionError("engine went away"))
    api = docker_sandbox.client.api
    dead = api.create_container(docker_sandbox.image, command=[PYTHON, "-c", "pass"],
                                labels={LABEL: "1", OWNER_LABEL: f"{docker_sandbox.owner.split(':')[0]}:999998:1"})
    real_api = docker_sandbox.client.api
    try:
        docker_sandbox.client.api = _EngineRemovingIt(real_api, exc)
        assert docker_sandbox.reap_orphans() == 0
    finally:
        docker_sandbox.client.api = real_api
        try:  # another grader on this host may have reaped it meanwhile (it is provably orphaned)
            api.remove_container(dead["Id"], force=True)
        except docker.errors.APIError:
            pass


def _containers_of(api, pids: set[int]) -> list[dict]:
    return [c for c in api.containers(all=True, filters={"label": LABEL})
            if (c.get("Labels") or {}).get(OWNER_LABEL, "").split(":")[1:2] and
            int(c["Labels"][OWNER_LABEL].split(":")[1]) in pids]


@pytest.mark.docker
def test_ten_concurrent_grade_commands_neither_crash_nor_leave_a_container(docker_sandbox, tmp_path):
    import subprocess
    import sys

    from ..conftest import ROOT

    fixture = ROOT / "tests/grader/fixtures/vector-norm"
    sources = [fixture / "reference.py", fixture / "wrong/abs_sum.py"]
    procs = [subprocess.Popen([sys.executable, "-m", "grader", "grade", str(fixture), str(sources[i % 2]), "--json"],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i in range(10)]
    outcomes = [(p.pid, *p.communicate(timeout=600), p.returncode) for p in procs]
    for i, (pid, out, err, code) in enumerate(outcomes):
        assert code == 0 and "Traceback" not in err, err[-2000:]
        assert f'"verdict": "{("accepted", "wrong_answer")[i % 2]}"' in out   # the reference, then the wrong one
    # Every container a command started was removed before it exited.
    assert _containers_of(docker_sandbox.client.api, {pid for pid, *_ in outcomes}) == []
