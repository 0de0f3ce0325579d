"""Never blame the user for the machine (issue 15), with real Docker: a pooled container that died before its
turn is never handed out; a container killed from outside mid-run is the sandbox's failure (SandboxError,
retried by the platform), never a verdict; a run whose caller raises leaves no container behind."""
import threading
import time

import numpy as np
import pytest

import grader
from grader.sandbox import CaseInput, Ending, Limits, SandboxError, SandboxPool
from grader.sandbox.docker_backend import OWNER_LABEL

from .conftest import VECTOR_NORM

pytestmark = pytest.mark.docker

SOURCE = "import numpy as np\ndef f(x):\n    return np.asarray(x) * 2\n"
SLEEPY = "import time\nimport numpy as np\ndef f(x):\n    time.sleep(30)\n    return np.asarray(x) * 2\n"
CASES = [CaseInput(args=[np.arange(3)], kwargs={}), CaseInput(args=[np.arange(4)], kwargs={})]
LIMITS = Limits(time_per_case_s=1.0)


def containers(sandbox) -> set[str]:
    listed = sandbox.client.api.containers(all=True, filters={"label": f"{OWNER_LABEL}={sandbox.owner}"})
    return {c["Id"] for c in listed}


def kill_soon(sandbox, cid_of, delay: float) -> threading.Thread:
    def kill() -> None:
        time.sleep(delay)
        sandbox.client.api.kill(cid_of())

    thread = threading.Thread(target=kill, daemon=True)
    thread.start()
    return thread


def test_a_pooled_container_killed_before_its_turn_is_never_handed_out(docker_sandbox):
    with SandboxPool(docker_sandbox, size=2, limits=LIMITS) as pool:
        pool.wait_full()
        for channel in list(pool._ready.queue):
            docker_sandbox.client.api.kill(channel.cid)   # both ready sandboxes die while they wait
        time.sleep(0.5)
        result = pool.run(source=SOURCE, entry_point="f", cases=CASES, limits=LIMITS)
        assert result.ending is Ending.FINISHED
        assert [c.value.tolist() for c in result.cases] == [[0, 2, 4], [0, 2, 4, 6]]
        assert pool.discarded == 2


def test_a_container_killed_mid_run_is_the_sandboxs_failure_not_a_verdict(docker_sandbox):
    with SandboxPool(docker_sandbox, size=1, limits=LIMITS) as pool:
        pool.wait_full()
        cid = pool._ready.queue[0].cid
        kill_soon(docker_sandbox, lambda: cid, delay=1.0)
        with pytest.raises(SandboxError, match="stopped from outside") as caught:
            pool.run(source=SLEEPY, entry_point="f", cases=CASES, limits=LIMITS)
        assert caught.value.transient


def test_a_container_killed_while_importing_is_not_a_compile_error(docker_sandbox):
    problem = grader.load_problem(VECTOR_NORM)
    source = "import time\ntime.sleep(30)\n" + (VECTOR_NORM / "reference.py").read_text()
    with SandboxPool(docker_sandbox, size=1, limits=problem.limits) as pool:
        pool.wait_full()
        cid = pool._ready.queue[0].cid
        kill_soon(docker_sandbox, lambda: cid, delay=1.0)
        with pytest.raises(SandboxError):
            grader.grade(problem, source, sandbox=pool)


def test_a_run_whose_caller_raises_leaves_no_container(docker_sandbox):
    before = containers(docker_sandbox)

    def on_case(_run) -> None:
        raise RuntimeError("the database write failed")

    with pytest.raises(RuntimeError, match="database write failed"):
        docker_sandbox.run(source=SLEEPY.replace("time.sleep(30)", "pass"), entry_point="f",
                           cases=CASES + [CaseInput(args=[np.arange(5)], kwargs={})], limits=LIMITS, on_case=on_case)
    deadline = time.monotonic() + 20
    while containers(docker_sandbox) - before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert containers(docker_sandbox) - before == set()



def test_a_pool_tells_whether_its_engine_answers(docker_sandbox):
    # grading asks before it claims a row: a worker whose engine is down must not burn the rows' attempts.
    import docker

    with SandboxPool(docker_sandbox, size=1, limits=LIMITS) as pool:
        pool.wait_full()
        assert pool.engine_ready()
        real = docker_sandbox.client
        docker_sandbox.client = docker.DockerClient(base_url="unix:///nonexistent/docker.sock", version="1.41")   # the engine gone
        try:
            assert not pool.engine_ready()
        finally:
            docker_sandbox.client = real
