"""`grader check`'s verdict rules: every declared input class is covered by a hidden case, every case fits
the declaration, and the time limit has its stated headroom over the reference."""
import pytest

from grader import load_problem
from grader.problem import ProblemError
from grader.validate import MIN_HEADROOM, check_problem

from .conftest import to_bank_standard


@pytest.fixture
def folder(folder):
    """These rules are checked on a problem that meets the rest of the bank's standard."""
    return to_bank_standard(folder)


def _edit(folder, name, old, new):
    path = folder / name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_the_fixture_itself_passes(folder, local_sandbox):
    check = check_problem(folder, local_sandbox)
    assert check.ok, check.errors + [r for r in check.rows if not r.ok]


def test_it_fails_when_no_hidden_case_has_a_declared_dtype(folder, local_sandbox):
    _edit(folder, "problem.toml", 'dtypes = ["float64", "int64"]', 'dtypes = ["float64", "signed"]')
    check = check_problem(folder, local_sandbox)
    assert not check.ok
    assert any("inputs.x: no hidden case has dtype int8, int16, int32" in e for e in check.errors), check.errors


def test_it_fails_when_an_edge_rule_is_not_covered(folder, local_sandbox):
    _edit(folder, "problem.toml", "[inputs.x]", '[edges]\nzero-row = "a row of zeros has norm 0"\n\n[inputs.x]')
    check = check_problem(folder, local_sandbox)
    assert any('edges.zero-row: no hidden case covers it' in e for e in check.errors), check.errors
    _edit(folder, "cases.py", '{"name": "hidden-ints", "public": False,',
          '{"name": "hidden-ints", "public": False, "covers": ["zero-row"],')
    assert check_problem(folder, local_sandbox).ok


def test_it_fails_when_the_problem_declares_no_input_space(folder, local_sandbox):
    _edit(folder, "problem.toml", '[inputs.x]\ntype = "array"\ndtypes = ["float64", "int64"]\nndim = 2\n', "")
    check = check_problem(folder, local_sandbox)
    assert any("no input space is declared" in e for e in check.errors)


def test_a_case_outside_the_declared_space_is_a_malformed_problem(folder):
    _edit(folder, "problem.toml", 'dtypes = ["float64", "int64"]', 'dtypes = ["float64"]')
    with pytest.raises(ProblemError) as err:
        load_problem(folder).cases()
    assert any("hidden-ints" in e and "dtype int64, not among the declared dtypes" in e for e in err.value.errors)


def test_a_covers_name_must_be_a_declared_edge(folder):
    _edit(folder, "cases.py", '{"name": "hidden-ints", "public": False,',
          '{"name": "hidden-ints", "public": False, "covers": ["typo"],')
    with pytest.raises(ProblemError) as err:
        load_problem(folder).cases()
    assert any("covers: 'typo' is not declared in [edges]" in e for e in err.value.errors)


def test_it_fails_when_the_limit_has_too_little_headroom_over_the_reference(folder, local_sandbox):
    # The reference spends 40 ms of CPU per case; a 0.1 s limit is only 2.5x that.
    _edit(folder, "reference.py", "def row_norms(x):\n",
          "def row_norms(x):\n    import time\n    t0 = time.process_time()\n"
          "    while time.process_time() - t0 < 0.04:\n        pass\n")
    _edit(folder, "problem.toml", "time_per_case_s = 1.0", "time_per_case_s = 0.1")
    check = check_problem(folder, local_sandbox)
    row = next(r for r in check.rows if r.item == "time limit")
    assert not row.ok and not check.ok
    assert f"≥{MIN_HEADROOM:g}x" in row.want and "raise limits.time_per_case_s" in row.detail


def test_it_names_the_first_hidden_case_that_rejects_each_wrong_solution(folder, local_sandbox):
    check = check_problem(folder, local_sandbox)
    row = next(r for r in check.rows if r.item == "wrong/abs_sum.py")
    assert row.ok and row.detail.startswith("first rejected by hidden-")


def test_it_fails_when_a_wrong_solution_runs_close_to_the_limit(folder, local_sandbox):
    # Wrong *and* at 70% of the limit: on a busy host it would flip between WA and TLE.
    _edit(folder, "problem.toml", "time_per_case_s = 1.0", "time_per_case_s = 0.4")
    (folder / "wrong/slow_abs_sum.py").write_text(
        '"""Sums absolute values, slowly."""\nimport time\nimport numpy as np\n\n\ndef row_norms(x):\n'
        "    t0 = time.process_time()\n    while time.process_time() - t0 < 0.28:\n        pass\n"
        "    return np.abs(x).sum(axis=1) * 1.0\n")
    check = check_problem(folder, local_sandbox)
    row = next(r for r in check.rows if r.item == "wrong/slow_abs_sum.py")
    assert not row.ok and row.detail.startswith("borderline:") and "of the time limit" in row.detail
    assert next(r for r in check.rows if r.item == "wrong/abs_sum.py").ok


def test_it_fails_when_the_container_limits_differ_from_the_runtime_pools(folder, local_sandbox):
    """Such a problem never gets a pre-started sandbox: every submission would start a cold one."""
    _edit(folder, "problem.toml", "memory_mb = 256", "memory_mb = 300")
    check = check_problem(folder, local_sandbox)
    row = next(r for r in check.rows if r.item == "sandbox limits")
    assert not row.ok and not check.ok
    assert "memory_mb 300 (not 256)" in row.detail and "cold sandbox" in row.detail
