"""Verdicts that do not depend on the host's load, that cost one limit at most, and inputs that stay read-only."""
import subprocess
import sys
import time

import pytest

from grader import Verdict, Visibility, grade, load_problem

from ..conftest import ROOT

FIXTURE = ROOT / "tests/grader/fixtures/vector-norm"
CORRECT = "import numpy as np\ndef row_norms(x):\n    return np.sqrt((np.asarray(x, dtype=float) ** 2).sum(axis=1))\n"
# Uses `cpu` seconds of CPU time per call, measured by the process's own CPU clock.
SPIN = ("import time\nimport numpy as np\ndef row_norms(x):\n    t0 = time.process_time()\n"
        "    while time.process_time() - t0 < {cpu}:\n        pass\n"
        "    return np.sqrt((np.asarray(x, dtype=float) ** 2).sum(axis=1))\n")
LOOP = "def row_norms(x):\n    while True:\n        pass\n"
SLEEP = "import time\ndef row_norms(x):\n    time.sleep(3600)\n"
IN_PLACE = ("import numpy as np\ndef row_norms(x):\n    x += 1\n"
            "    return np.sqrt(((x - 1).astype(float) ** 2).sum(axis=1))\n")


def _burners(n: int, seconds: float) -> list[subprocess.Popen]:
    code = f"import time\nt=time.time()\nwhile time.time()-t<{seconds}: pass\n"
    return [subprocess.Popen([sys.executable, "-c", code]) for _ in range(n)]


@pytest.mark.docker
def test_the_first_time_limit_ends_the_run_and_skips_every_later_test(docker_sandbox):
    report = grade(load_problem(FIXTURE), LOOP, sandbox=docker_sandbox, reveal_hidden=True)
    assert report.verdict is Verdict.TIME_LIMIT_EXCEEDED
    first, *rest = report.tests
    assert first.verdict is Verdict.TIME_LIMIT_EXCEEDED
    # The time reported is CPU time: the loop used its whole limit.
    assert first.time_s >= 0.9 * load_problem(FIXTURE).limits.time_per_case_s
    assert rest and all(t.verdict is Verdict.SKIPPED for t in rest)
    # The hidden group never started: no second sandbox was spent on a submission already out of time.
    assert any(t.visibility is Visibility.HIDDEN for t in rest)


@pytest.mark.docker
def test_code_that_sleeps_is_caught_by_the_idle_backstop(docker_sandbox):
    report = grade(load_problem(FIXTURE), SLEEP, sandbox=docker_sandbox, reveal_hidden=True)
    assert report.verdict is Verdict.TIME_LIMIT_EXCEEDED
    assert "sleeping or blocked" in report.tests[0].message
    assert all(t.verdict is Verdict.SKIPPED for t in report.tests[1:])


@pytest.mark.docker
def test_a_busy_host_does_not_turn_a_correct_solution_into_a_time_limit(docker_sandbox):
    # 0.6 s of CPU per case against a 1 s limit, with the two cores oversubscribed three times over: on a
    # wall clock this takes well over a second; on the CPU clock it is 0.6 s whatever the load.
    burners = _burners(6, 60)
    try:
        time.sleep(0.5)
        report = grade(load_problem(FIXTURE), SPIN.format(cpu=0.6), sandbox=docker_sandbox, reveal_hidden=True)
    finally:
        for p in burners:
            p.kill()
            p.wait()
    assert report.verdict is Verdict.ACCEPTED, [(t.name, t.verdict, t.message) for t in report.tests]
    assert all(0.55 <= t.time_s < 1.0 for t in report.tests)


@pytest.mark.docker
def test_a_huge_exception_message_is_a_runtime_error_not_a_memory_failure(docker_sandbox):
    source = "def row_norms(x):\n    raise ValueError('x' * 50_000_000)\n"
    report = grade(load_problem(FIXTURE), source, sandbox=docker_sandbox)
    assert report.verdict is Verdict.RUNTIME_ERROR
    message = report.tests[0].message
    assert "characters cut" in message and len(message) <= 4000


@pytest.mark.docker
def test_an_input_modified_in_place_is_a_wrong_answer_naming_it(docker_sandbox):
    report = grade(load_problem(FIXTURE), IN_PLACE, sandbox=docker_sandbox, reveal_hidden=True)
    assert report.verdict is Verdict.WRONG_ANSWER
    assert all(not t.passed for t in report.tests)
    assert "modified its input `x`" in report.tests[0].message
    # A solver is told the kind of mistake, whatever kind of case the hidden test was.
    hidden = [t for t in report.for_solver().tests if t.hidden]
    assert hidden and {t.category for t in hidden} == {"input must not be modified"}


def test_an_argument_declared_mutable_may_be_modified(local_sandbox, folder):
    toml = folder / "problem.toml"
    toml.write_text(toml.read_text().replace("ndim = 2\n", "ndim = 2\nmutable = true\n"))
    assert grade(load_problem(folder), IN_PLACE, sandbox=local_sandbox).verdict is Verdict.ACCEPTED
    assert grade(load_problem(FIXTURE), IN_PLACE, sandbox=local_sandbox).verdict is Verdict.WRONG_ANSWER


def test_returning_a_correct_answer_after_restoring_the_input_is_accepted(local_sandbox):
    # Read-only means "as the caller sees it after the call": scratch use that is undone is fine.
    source = ("import numpy as np\ndef row_norms(x):\n    x += 1\n    x -= 1\n"
              "    return np.sqrt((np.asarray(x, dtype=float) ** 2).sum(axis=1))\n")
    assert grade(load_problem(FIXTURE), source, sandbox=local_sandbox).verdict is Verdict.ACCEPTED


def test_a_correct_solution_still_passes(local_sandbox):
    assert grade(load_problem(FIXTURE), CORRECT, sandbox=local_sandbox).verdict is Verdict.ACCEPTED
