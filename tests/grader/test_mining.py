"""`grader mine` finds, shrinks and prints an input that tells a wrong solution from the reference — for a
function problem with the default checker, one with a custom checker, and a scored problem."""
import subprocess
import sys

import numpy as np
import pytest

from grader import Verdict, grade, load_problem
from grader.mining import judge, local_runner, mine, render_case

from ..conftest import ROOT

FIXTURES = ROOT / "tests/grader/fixtures"
UINT_NEGATION = ('"""Negates in the input\'s own dtype: -x on unsigned integers wraps around."""\n'
                 "import numpy as np\ndef row_norms(x):\n    y = -x\n    return np.sqrt((y.astype(float) ** 2).sum(axis=1))\n")


@pytest.fixture
def norm_folder(folder):
    toml = folder / "problem.toml"
    toml.write_text(toml.read_text().replace('dtypes = ["float64", "int64"]', 'dtypes = ["float64", "int64", "uint8"]'))
    return folder


def test_it_finds_a_minimal_input_where_unsigned_negation_goes_wrong(norm_folder):
    problem = load_problem(norm_folder)
    found = mine(problem, local_runner(problem, UINT_NEGATION, "uint_negation.py"), seconds=20)
    assert found is not None and "wrong_answer" in found.why
    (x,) = found.case["args"]
    assert x.dtype == np.uint8 and x.size == 1 and x.item() != 0  # shrunk to a single non-zero entry
    # Pasted into cases.py, the printed case is exact and grading rejects the candidate on it.
    text = render_case(found.case, "mined-uint-negation")
    case = eval(text.rstrip(","), {"np": np})
    assert case["name"] == "mined-uint-negation" and case["public"] is False
    np.testing.assert_array_equal(case["args"][0], x)
    assert case["args"][0].dtype == x.dtype


def test_it_reports_nothing_for_a_correct_candidate(norm_folder):
    problem = load_problem(norm_folder)
    source = (norm_folder / "reference.py").read_text()
    assert mine(problem, local_runner(problem, source, "reference.py"), seconds=3) is None


def test_it_catches_an_input_modified_in_place(norm_folder):
    problem = load_problem(norm_folder)
    source = "import numpy as np\ndef row_norms(x):\n    x[...] = 0\n    return np.zeros(len(x))\n"
    found = mine(problem, local_runner(problem, source, "zeroes.py"), seconds=20)
    assert found is not None and "modified its input `x`" in found.why


def test_it_uses_a_custom_checker(folder):
    # The checker accepts any sign per row; a candidate returning -norm passes, one returning 2*norm does not.
    toml = folder / "problem.toml"
    toml.write_text(toml.read_text().replace('type = "allclose"', 'type = "custom"'))
    (folder / "checker.py").write_text(
        "import numpy as np\ndef check(args, kwargs, expected, got):\n"
        "    got = np.asarray(got, dtype=float)\n"
        "    return bool(got.shape == expected.shape and np.allclose(np.abs(got), expected)), 'not a norm'\n")
    problem = load_problem(folder)
    negated = "import numpy as np\ndef row_norms(x):\n    return -np.sqrt((np.asarray(x, float) ** 2).sum(axis=1))\n"
    assert mine(problem, local_runner(problem, negated, "negated.py"), seconds=3) is None
    doubled = "import numpy as np\ndef row_norms(x):\n    return 2 * np.sqrt((np.asarray(x, float) ** 2).sum(axis=1))\n"
    found = mine(problem, local_runner(problem, doubled, "doubled.py"), seconds=20)
    assert found is not None and "not a norm" in found.why


def test_it_mines_a_scored_problem_against_its_threshold():
    problem = load_problem(FIXTURES / "tiny-scored")
    source = (FIXTURES / "tiny-scored/wrong/constant.py").read_text()
    found = mine(problem, local_runner(problem, source, "constant.py"), seconds=20)
    assert found is not None and "threshold" in found.why
    reference = getattr(problem.trusted("reference"), problem.entry_point)
    runner = local_runner(problem, source, "constant.py")
    assert judge(problem, found.case, runner([found.case])[0], reference)[0]


def test_the_command_mines_every_wrong_solution_of_a_folder(norm_folder):
    (norm_folder / "wrong/uint_negation.py").write_text(UINT_NEGATION)
    result = subprocess.run([sys.executable, "-m", "grader", "mine", str(norm_folder), "--seconds", "15"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "wrong/uint_negation.py: differs" in result.stdout and "wrong/abs_sum.py: differs" in result.stdout
    assert '{"name": "mined-uint-negation", "public": False, "args": [np.array(' in result.stdout


@pytest.mark.docker
def test_a_file_from_outside_the_folder_runs_in_the_sandbox(norm_folder, tmp_path):
    candidate = tmp_path / "guess.py"
    candidate.write_text(UINT_NEGATION)
    result = subprocess.run([sys.executable, "-m", "grader", "mine", str(norm_folder), "--wrong", str(candidate),
                             "--seconds", "60"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{candidate}: differs" in result.stdout
    # And grading, with the mined case added, rejects it.
    line = next(l for l in result.stdout.splitlines() if l.strip().startswith('{"name": "mined-'))
    cases = norm_folder / "cases.py"
    cases.write_text(cases.read_text().replace("    ]\n", f"        {line.strip()}\n    ]\n"))
    from grader.sandbox import make_sandbox

    assert grade(load_problem(norm_folder), UINT_NEGATION, sandbox=make_sandbox("local")).verdict is Verdict.WRONG_ANSWER
