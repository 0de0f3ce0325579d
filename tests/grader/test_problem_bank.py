"""The bank itself: every folder passes `grader check` in the real sandbox, and every problem accepts a
correct solution written independently of its reference (tests/candidates/)."""
import subprocess
import sys

import pytest

from grader import Kind, Verdict, grade, load_problem
from grader.sandbox import SandboxSet

from ..conftest import PROBLEMS, ROOT

pytestmark = pytest.mark.docker
CANDIDATES = ROOT / "tests/candidates"
CODE_PROBLEMS = sorted(p.name for p in PROBLEMS.iterdir()
                       if (p / "problem.toml").exists() and load_problem(p).kind is not Kind.DESIGN)


def test_grader_check_is_green_for_the_whole_bank(docker_sandbox):
    result = subprocess.run([sys.executable, "-m", "grader", "check", "problems"], cwd=ROOT, capture_output=True,
                            text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert f"{len(list(PROBLEMS.iterdir()))} of {len(list(PROBLEMS.iterdir()))} problems ok" in result.stdout


@pytest.fixture(scope="module")
def pool(docker_sandbox):
    pools = SandboxSet("docker", pool=2)  # one warm pool per runtime: the bank has NumPy and torch problems
    yield pools
    pools.close()


@pytest.mark.parametrize("slug", CODE_PROBLEMS)
def test_an_independent_correct_solution_is_accepted(slug, pool):
    source = (CANDIDATES / f"{slug.replace('-', '_')}.py").read_text()
    report = grade(load_problem(PROBLEMS / slug), source, sandbox=pool)
    failing = [(t.name, t.verdict, t.message[-200:]) for t in report.tests if not t.passed]
    assert report.verdict is Verdict.ACCEPTED, (report.message, failing)
