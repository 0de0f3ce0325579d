"""Attacks on the sandbox and the trust boundary, one per threat in DESIGN.md, in the real Docker sandbox.

Each asserts the verdict, and the `host_untouched` fixture checks afterwards that the host was not
touched: a canary file is intact and no sandbox container of ours is left behind."""
import os
import textwrap
import time

import pytest

from grader import HiddenTest, Verdict, grade, load_problem
from grader.sandbox.docker_backend import LABEL, OWNER_LABEL

from ..conftest import ROOT

pytestmark = pytest.mark.docker
FIXTURE = ROOT / "tests/grader/fixtures/vector-norm"
CORRECT = "import numpy as np\ndef row_norms(x):\n    return np.sqrt((np.asarray(x, dtype=float)**2).sum(axis=1))\n"


@pytest.fixture(scope="module")
def problem():
    return load_problem(FIXTURE)


@pytest.fixture
def host_untouched(docker_sandbox, tmp_path):
    canary = tmp_path / "canary.txt"
    canary.write_text("untouched")
    before = set(os.listdir("/tmp"))
    yield
    assert canary.read_text() == "untouched"
    assert not {n for n in set(os.listdir("/tmp")) - before if n.startswith("pwned")}
    api = docker_sandbox.client.api
    deadline = time.monotonic() + 10
    while True:  # containers are removed in the background after each run
        mine = [c for c in api.containers(all=True, filters={"label": LABEL})
                if c["Labels"].get(OWNER_LABEL) == docker_sandbox.owner]
        if not mine or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert mine == [], "sandbox containers were left behind"


def run(problem, docker_sandbox, body: str, **kwargs):
    return grade(problem, textwrap.dedent(body), sandbox=docker_sandbox, **kwargs)


def public_got(report) -> str:
    return next(t for t in report.tests if t.name == "example").got


def test_it_accepts_a_correct_solution(problem, docker_sandbox, host_untouched):
    report = run(problem, docker_sandbox, CORRECT)
    assert report.verdict is Verdict.ACCEPTED and report.passed == report.total == 5


def test_reading_the_filesystem_finds_no_hidden_data(problem, docker_sandbox, host_untouched):
    report = run(problem, docker_sandbox, """
        import os
        HITS = []
        for top, dirs, files in os.walk("/"):
            if top.startswith(("/proc", "/sys", "/dev")):
                dirs[:] = []
                continue
            for name in files:
                path = os.path.join(top, name)
                if name in ("reference.py", "cases.py", "checker.py") or "mljudge" in path:
                    HITS.append(path)
                if top.startswith(("/usr", "/opt/venv")):
                    continue  # the image's own packages: names only, contents are Debian's and PyPI's
                try:
                    with open(path, "rb") as f:
                        data = f.read(1 << 20)
                except OSError:
                    continue
                if b"271828" in data or b"np.sqrt((np.asarray(x, dtype=float) ** 2)" in data:
                    HITS.append(path)
        def row_norms(x):
            return HITS
    """)
    assert report.verdict is Verdict.WRONG_ANSWER
    assert public_got(report) == "[]"


ARRAY_SCAN = """
import gc, sys
import numpy as np
def all_arrays():
    # ndarrays are not tracked by the garbage collector, nor are dicts and tuples that hold only untracked
    # objects: find arrays through the containers that hold them, walking untracked containers too.
    found, seen = {}, set()
    stack = gc.get_objects() + [sys._getframe()]
    while stack:
        for obj in gc.get_referents(stack.pop()):
            if isinstance(obj, np.ndarray):
                found[id(obj)] = obj
            elif type(obj) in (dict, list, tuple) and not gc.is_tracked(obj) and id(obj) not in seen:
                seen.add(id(obj))
                stack.append(obj)
    return list(found.values())
"""


def test_the_public_run_never_holds_hidden_inputs(problem, docker_sandbox, host_untouched):
    report = run(problem, docker_sandbox, ARRAY_SCAN + """
def row_norms(x):
    arrays = all_arrays()
    sentinel = sum(1 for a in arrays if a.size and a.dtype.kind == "f" and (a == 271828.0).any())
    public = sum(1 for a in arrays if a.shape == (2, 2) and a.dtype.kind == "f" and a[0, 1] == 4.0)
    cases, f = 0, sys._getframe()
    while f is not None:
        for v in f.f_locals.values():
            if isinstance(v, list) and any(isinstance(c, dict) and "args" in c for c in v):
                cases += len(v)
        f = f.f_back
    raise RuntimeError(f"sentinel arrays seen: {sentinel}; public input seen: {public > 0}; cases visible: {cases}")
""")
    assert report.verdict is Verdict.RUNTIME_ERROR
    message = next(t for t in report.tests if t.name == "example").message
    # The scan does see the inputs the harness holds (the public example), and nothing hidden.
    assert "sentinel arrays seen: 0; public input seen: True; cases visible: 2" in message
    assert all(isinstance(t, HiddenTest) for t in report.tests if t.visibility == "hidden")  # nothing of theirs


def test_there_is_no_network(problem, docker_sandbox, host_untouched):
    report = run(problem, docker_sandbox, """
        import socket, os
        def row_norms(x):
            out = []
            for target in [("1.1.1.1", 53), ("8.8.8.8", 443), ("172.17.0.1", 2375)]:
                try:
                    socket.create_connection(target, timeout=1).close()
                    out.append("connected")
                except OSError as exc:
                    out.append(type(exc).__name__)
            try:
                socket.getaddrinfo("example.com", 443)
                out.append("resolved")
            except OSError:
                out.append("no-dns")
            out.append(",".join(sorted(os.listdir("/sys/class/net"))))
            return out
    """)
    assert report.verdict is Verdict.WRONG_ANSWER
    got = public_got(report)
    assert "connected" not in got and "resolved" not in got and "'lo'" in got


def test_it_runs_unprivileged_read_only_and_capability_free(problem, docker_sandbox, host_untouched):
    report = run(problem, docker_sandbox, """
        import os
        def row_norms(x):
            status = dict(line.split(":", 1) for line in open("/proc/self/status"))
            facts = {"uid": os.getuid(), "CapEff": status["CapEff"].strip(), "NoNewPrivs": status["NoNewPrivs"].strip(),
                     "Seccomp": status["Seccomp"].strip()}
            for action, fn in [("setuid", lambda: os.setuid(0)), ("write-etc", lambda: open("/etc/pwned", "w")),
                               ("write-root", lambda: open("/pwned", "w")), ("docker-sock", lambda: open("/var/run/docker.sock"))]:
                try:
                    fn()
                    facts[action] = "ALLOWED"
                except OSError as exc:
                    facts[action] = type(exc).__name__
            try:
                open("/tmp/x.sh", "w").write("#!/bin/sh\\necho hi\\n")
                os.chmod("/tmp/x.sh", 0o755)
                os.execv("/tmp/x.sh", ["/tmp/x.sh"])
            except OSError as exc:
                facts["exec-tmp"] = type(exc).__name__
            facts["env"] = sorted(os.environ)
            return facts
    """)
    assert report.verdict is Verdict.WRONG_ANSWER
    got = public_got(report)
    assert "'uid': 65534" in got
    assert "'CapEff': '0000000000000000'" in got and "'NoNewPrivs': '1'" in got and "'Seccomp': '2'" in got
    assert "ALLOWED" not in got and "'exec-tmp': 'PermissionError'" in got
    for host_secret in ("DATABASE_URL", "REDIS_URL", "MLJUDGE", "SECRET"):
        assert host_secret not in got


def test_an_object_that_equals_everything_is_a_wrong_answer(problem, docker_sandbox, host_untouched):
    report = run(problem, docker_sandbox, """
        import numpy as np
        class Anything(np.ndarray):
            def __eq__(self, other): return True
        class Always:
            def __eq__(self, other): return True
            __hash__ = None
        def row_norms(x):
            return Always() if len(x) == 2 else np.zeros(len(x)).view(Anything)
    """)
    assert report.verdict is Verdict.WRONG_ANSWER and report.passed == 0
    example = next(t for t in report.tests if t.name == "example")
    assert "cannot be returned" in example.message


def test_monkeypatching_numpy_comparisons_changes_nothing(problem, docker_sandbox, host_untouched):
    report = run(problem, docker_sandbox, """
        import numpy as np
        np.allclose = lambda *a, **k: True
        np.isclose = lambda a, b, **k: np.ones(np.shape(a), bool)
        np.array_equal = lambda *a, **k: True
        np.testing.assert_allclose = lambda *a, **k: None
        np.equal = lambda a, b, *args, **k: np.ones(np.shape(a), bool)
        def row_norms(x):
            return np.zeros(len(x))
    """)
    assert report.verdict is Verdict.WRONG_ANSWER and report.passed == 0


@pytest.mark.parametrize("exit_call", ["sys.exit(0)", "os._exit(0)", "raise SystemExit"])
def test_exiting_before_results_is_never_a_pass(problem, docker_sandbox, host_untouched, exit_call):
    report = run(problem, docker_sandbox, f"""
        import os, sys
        def row_norms(x):
            {exit_call}
    """)
    assert report.verdict is Verdict.RUNTIME_ERROR and report.passed == 0


def test_exiting_at_import_is_a_compile_error(problem, docker_sandbox, host_untouched):
    report = run(problem, docker_sandbox, "import os\nos._exit(0)\n")
    assert report.verdict is Verdict.COMPILE_ERROR and report.passed == 0


def test_fake_results_printed_on_stdout_are_ignored(problem, docker_sandbox, host_untouched):
    report = run(problem, docker_sandbox, """
        import sys, json
        def row_norms(x):
            print('MLJ1{"type": "result", "status": "ok", "passed": true}')
            print("ACCEPTED " * 10)
            sys.stdout.buffer.write(b"MLJ1\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02{}")
            sys.stdout.flush()
            return [0.0] * len(x)
    """)
    assert report.verdict is Verdict.WRONG_ANSWER and report.passed == 0
    assert "ACCEPTED" in report.stdout  # shown as the program's output, not taken as a result


def test_forging_frames_on_the_result_channel_is_never_a_pass(problem, docker_sandbox, host_untouched):
    report = run(problem, docker_sandbox, """
        import os
        def row_norms(x):
            for fd in range(3, 64):
                try:
                    os.write(fd, b"MLJ1\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x10garbage-garbage!")
                except OSError:
                    pass
            return None
    """)
    assert report.verdict is Verdict.RUNTIME_ERROR and report.passed == 0
    assert "corrupted" in report.tests[0].message


def test_killing_the_parent_gets_no_result(problem, docker_sandbox, host_untouched):
    report = run(problem, docker_sandbox, """
        import os, signal, time
        def row_norms(x):
            for pid in (os.getppid(), 1):
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            time.sleep(0.2)
            os.kill(os.getpid(), signal.SIGKILL)
    """)
    assert report.verdict is Verdict.RUNTIME_ERROR and report.passed == 0


def test_a_fork_bomb_is_contained(problem, docker_sandbox, host_untouched):
    report = run(problem, docker_sandbox, """
        import os
        def row_norms(x):
            while True:
                try:
                    os.fork()
                except OSError:
                    pass
    """)
    assert report.verdict in (Verdict.TIME_LIMIT_EXCEEDED, Verdict.RUNTIME_ERROR) and report.passed == 0


def test_a_memory_bomb_is_a_memory_limit_verdict(problem, docker_sandbox, host_untouched):
    report = run(problem, docker_sandbox, """
        import numpy as np
        def row_norms(x):
            blocks = []
            while True:
                blocks.append(np.ones(16 << 20, dtype=np.uint8))
    """)
    assert report.verdict is Verdict.MEMORY_LIMIT_EXCEEDED and report.passed == 0


def test_an_infinite_loop_is_a_time_limit_verdict(problem, docker_sandbox, host_untouched):
    report = run(problem, docker_sandbox, "def row_norms(x):\n    while True:\n        pass\n")
    assert report.verdict is Verdict.TIME_LIMIT_EXCEEDED
    # The first time limit ends the run: a bad submission costs one limit, not one per case.
    assert report.tests[0].verdict is Verdict.TIME_LIMIT_EXCEEDED
    assert all(t.verdict is Verdict.SKIPPED for t in report.tests[1:])


def test_a_loop_that_disables_the_alarm_is_killed_from_outside(problem, docker_sandbox, host_untouched):
    report = run(problem, docker_sandbox, """
        import signal
        signal.signal(signal.SIGALRM, signal.SIG_IGN)
        signal.signal(signal.SIGPROF, signal.SIG_IGN)
        signal.setitimer = lambda *a, **k: None
        def row_norms(x):
            while True:
                pass
    """)
    assert report.verdict is Verdict.TIME_LIMIT_EXCEEDED and report.passed == 0
    assert report.wall_time_s < 10


def test_sleeping_past_the_limit_is_a_time_limit_verdict(problem, docker_sandbox, host_untouched):
    report = run(problem, docker_sandbox, "import time\ndef row_norms(x):\n    time.sleep(60)\n")
    assert report.verdict is Verdict.TIME_LIMIT_EXCEEDED and report.wall_time_s < 20


def test_an_output_flood_is_an_output_limit_verdict(problem, docker_sandbox, host_untouched):
    report = run(problem, docker_sandbox, """
        def row_norms(x):
            while True:
                print("flood " * 1000)
    """)
    assert report.verdict is Verdict.OUTPUT_LIMIT_EXCEEDED and report.passed == 0
    assert len(report.stdout) <= 2000


def test_filling_the_disk_fails_inside_the_sandbox_only(problem, docker_sandbox, host_untouched):
    report = run(problem, docker_sandbox, """
        def row_norms(x):
            with open("/tmp/pwned-fill", "wb") as f:
                while True:
                    f.write(b"\\0" * (1 << 20))
    """)
    assert report.verdict is Verdict.RUNTIME_ERROR and report.passed == 0
    message = report.tests[0].message
    assert "No space left" in message or "File too large" in message


def test_deep_recursion_is_a_runtime_error(problem, docker_sandbox, host_untouched):
    report = run(problem, docker_sandbox, "def f(n):\n    return f(n + 1) + 1\ndef row_norms(x):\n    return f(0)\n")
    assert report.verdict is Verdict.RUNTIME_ERROR and report.passed == 0
    assert "RecursionError" in report.tests[0].message


def test_unbounded_recursion_with_the_limit_lifted_runs_out_of_memory(problem, docker_sandbox, host_untouched):
    # Python 3.11 keeps Python frames on the heap, so lifting the limit exhausts memory, not the C stack.
    report = run(problem, docker_sandbox, "import sys\nsys.setrecursionlimit(10**7)\n"
                 "def f(n):\n    return f(n + 1) + 1\ndef row_norms(x):\n    return f(0)\n")
    assert report.verdict in (Verdict.MEMORY_LIMIT_EXCEEDED, Verdict.RUNTIME_ERROR) and report.passed == 0


def test_non_utf8_source_is_rejected_with_a_clear_message(problem, docker_sandbox, host_untouched):
    report = grade(problem, b"def row_norms(x):\n    return '\xff\xfe'\n", sandbox=docker_sandbox)
    assert report.verdict is Verdict.COMPILE_ERROR
    assert report.message == "the source is not valid UTF-8 (byte 0xff on line 2)"


def test_oversized_source_is_rejected_with_a_clear_message(problem, docker_sandbox, host_untouched):
    report = grade(problem, CORRECT + "#" * 70_000, sandbox=docker_sandbox)
    assert report.verdict is Verdict.COMPILE_ERROR
    assert "the limit is 65,536 bytes" in report.message


def test_a_missing_entry_point_is_a_compile_error(problem, docker_sandbox, host_untouched):
    report = run(problem, docker_sandbox, "def rownorms(x):\n    return x\n")
    assert report.verdict is Verdict.COMPILE_ERROR
    assert report.message == "solution.py does not define a function named `row_norms`"


def test_a_syntax_error_is_a_compile_error_with_the_line(problem, docker_sandbox, host_untouched):
    report = run(problem, docker_sandbox, "def row_norms(x):\n    return (x\n")
    assert report.verdict is Verdict.COMPILE_ERROR and "line 2" in report.message


def test_scored_targets_never_enter_the_sandbox(docker_sandbox, host_untouched):
    scored = load_problem(ROOT / "tests/grader/fixtures/tiny-scored")
    hidden_case = next(c for c in scored.cases() if not c.public)
    assert len(hidden_case.target) == 400 and hidden_case.args[2].shape == (400, 2)
    report = grade(scored, ARRAY_SCAN + """
def predict(X_train, y_train, X_test):
    arrays = all_arrays()
    targets = sum(1 for a in arrays if a.shape == (len(X_test),))
    inputs = sum(1 for a in arrays if a.shape == X_test.shape)
    raise RuntimeError(f"target-shaped arrays: {targets}; X_test-shaped arrays: {inputs}")
""", sandbox=docker_sandbox, reveal_hidden=True)
    assert report.verdict is Verdict.RUNTIME_ERROR
    hidden = next(t for t in report.tests if t.visibility == "hidden")
    # The scan finds the test inputs the harness holds, but no array shaped like the hidden target.
    assert "target-shaped arrays: 0; X_test-shaped arrays: " in hidden.message
    assert "X_test-shaped arrays: 0" not in hidden.message


# --- the torch runtime: forgery through torch objects ------------------------------------------------------

TORCH_ATTENTION = ROOT / "problems/torch-self-attention"
TORCH_MHA = ROOT / "problems/torch-multi-head-attention"
WRONG_ATTENTION = """
import torch
def attention(q, k, v, mask=None):
    w = torch.zeros(*q.shape[:-1], k.shape[-2], dtype=q.dtype)  # rows that sum to 0: wrong everywhere
    return w @ v, w
"""


@pytest.fixture(scope="module")
def torch_sandbox(docker_sandbox):
    from grader import make_sandbox

    return make_sandbox("docker", runtime="torch", reap=False)


def torch_run(folder, torch_sandbox, body: str):
    return grade(load_problem(folder), textwrap.dedent(body), sandbox=torch_sandbox, reveal_hidden=True)


def first_public(report):
    return next(t for t in report.tests if t.visibility == "public")


def test_the_torch_sandbox_is_as_hardened_as_the_numpy_one(torch_sandbox, host_untouched):
    report = torch_run(TORCH_ATTENTION, torch_sandbox, """
        import os, socket, sys
        def attention(q, k, v, mask=None):
            status = dict(line.split(":", 1) for line in open("/proc/self/status"))
            try:
                socket.create_connection(("1.1.1.1", 53), timeout=2)
                net = "ALLOWED"
            except OSError as exc:
                net = type(exc).__name__
            return {"uid": os.getuid(), "CapEff": status["CapEff"].strip(), "Seccomp": status["Seccomp"].strip(),
                    "NoNewPrivs": status["NoNewPrivs"].strip(), "net": net, "torch": "torch" in sys.modules}
    """)
    got = first_public(report).got
    assert report.verdict is Verdict.WRONG_ANSWER
    assert "'uid': 65534" in got and "'CapEff': '0000000000000000'" in got and "'Seccomp': '2'" in got
    assert "'NoNewPrivs': '1'" in got and "ALLOWED" not in got and "'torch': True" in got


def test_a_returned_tensor_subclass_is_a_wrong_answer(torch_sandbox, host_untouched):
    report = torch_run(TORCH_ATTENTION, torch_sandbox, """
        import torch
        class Always(torch.Tensor):
            def __eq__(self, other): return True
            def allclose(self, *a, **k): return True
        def attention(q, k, v, mask=None):
            out = torch.zeros(*q.shape[:-1], v.shape[-1], dtype=q.dtype).as_subclass(Always)
            return out, torch.nn.Parameter(torch.zeros(*q.shape[:-1], k.shape[-2], dtype=q.dtype))
    """)
    assert report.verdict is Verdict.WRONG_ANSWER and report.passed == 0
    assert "returned a tensor subclass" in first_public(report).message


def test_an_object_with_torch_function_is_a_wrong_answer(torch_sandbox, host_untouched):
    report = torch_run(TORCH_ATTENTION, torch_sandbox, """
        import torch
        class Impostor:
            def __torch_function__(self, func, types, args=(), kwargs=None):
                return True
            def __eq__(self, other): return True
            __hash__ = None
            def numpy(self): return self
            def __array__(self, *a, **k): raise RuntimeError("no")
        def attention(q, k, v, mask=None):
            return Impostor(), Impostor()
    """)
    assert report.verdict is Verdict.WRONG_ANSWER and report.passed == 0
    assert "cannot be returned" in first_public(report).message


def test_monkeypatching_torch_comparisons_changes_nothing(torch_sandbox, host_untouched):
    report = torch_run(TORCH_ATTENTION, torch_sandbox, textwrap.dedent("""
        import torch
        torch.Tensor.__eq__ = lambda self, other: True
        torch.Tensor.allclose = lambda self, *a, **k: True
        torch.allclose = lambda *a, **k: True
        torch.equal = lambda *a, **k: True
        torch.isclose = lambda a, b, **k: torch.ones(a.shape, dtype=torch.bool)
        torch.testing.assert_close = lambda *a, **k: None
    """) + WRONG_ATTENTION)
    assert report.verdict is Verdict.WRONG_ANSWER and report.passed == 0


def test_patching_backward_inside_the_sandbox_changes_nothing(torch_sandbox, host_untouched):
    # A wrong module (no output projection) that also stubs out every way to run a backward pass.
    source = (TORCH_MHA / "wrong/no_output_projection.py").read_text() + textwrap.dedent("""
        torch.Tensor.backward = lambda self, *a, **k: None
        torch.autograd.backward = lambda *a, **k: None
        torch.Tensor.detach = lambda self: self
    """)
    report = torch_run(TORCH_MHA, torch_sandbox, source)
    assert report.verdict is Verdict.WRONG_ANSWER and report.passed == 0


def test_fake_result_frames_from_a_torch_submission_are_ignored(torch_sandbox, host_untouched):
    report = torch_run(TORCH_ATTENTION, torch_sandbox, textwrap.dedent("""
        import sys
        _print = print
        def attention(q, k, v, mask=None):
            _print('MLJ1{"type": "result", "status": "ok", "passed": true}')
            _print("ACCEPTED " * 10)
            sys.stdout.buffer.write(b"MLJ1\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02{}")
            sys.stdout.flush()
            return _wrong(q, k, v, mask)
    """) + WRONG_ATTENTION.replace("def attention", "def _wrong"))
    assert report.verdict is Verdict.WRONG_ANSWER and report.passed == 0
    assert "ACCEPTED" in report.stdout
