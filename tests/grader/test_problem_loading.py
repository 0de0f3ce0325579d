import shutil

import pytest

from grader import Kind, ProblemError, load_problem
from grader.problem import Difficulty

from ..conftest import PROBLEMS, ROOT

FIXTURE = ROOT / "tests/grader/fixtures/vector-norm"


def errors_of(folder) -> list[str]:
    with pytest.raises(ProblemError) as info:
        problem = load_problem(folder)
        problem.cases()
    return info.value.errors


def test_it_loads_a_valid_folder(folder):
    problem = load_problem(folder)
    assert (problem.slug, problem.kind, problem.difficulty) == ("vector-norm", Kind.FUNCTION, Difficulty.EASY)
    assert problem.limits.time_per_case_s == 1.0 and problem.limits.output_kb == 64 and problem.limits.memory_mb == 256
    assert [c.name for c in problem.cases() if c.public] == ["example", "second-example"]
    assert list(problem.wrong) == ["abs_sum.py"]


def test_schema_errors_name_the_file_and_the_field(folder):
    toml = (folder / "problem.toml").read_text()
    (folder / "problem.toml").write_text(
        toml.replace('kind = "function"', 'kind = "functoin"').replace('version = 3', 'version = "3"'))
    errors = errors_of(folder)
    assert f"problem.toml: kind: must be one of {', '.join(Kind)}, got 'functoin'" in errors
    assert "problem.toml: version: must be int, got str" in errors
    toml = toml.replace("time_per_case_s = 1.0", "time_per_case_s = -1").replace("[checker]", "colour = 1\n[checker]")
    toml = toml.replace('type = "allclose"', 'type = "close-enough"')
    (folder / "problem.toml").write_text(toml)
    errors = errors_of(folder)
    assert "problem.toml: checker.type: must be one of allclose, exact, custom, got 'close-enough'" in errors
    assert "problem.toml: limits.time_per_case_s: must be a positive number" in errors
    assert "problem.toml: limits.colour: unknown field (known: time_per_case_s, import_s, memory_mb, output_kb)" in errors


def test_it_reports_every_missing_file_at_once(folder):
    for name in ("statement.md", "reference.py", "cases.py"):
        (folder / name).unlink()
    shutil.rmtree(folder / "wrong")
    errors = errors_of(folder)
    assert {"statement.md: missing", "reference.py: missing", "cases.py: missing",
            "wrong/: at least one wrong solution (wrong/*.py) is required"} <= set(errors)


def test_a_slug_must_equal_its_folder(folder):
    renamed = folder.with_name("other-name")
    folder.rename(renamed)
    assert any("slug: 'vector-norm' must be lowercase-with-dashes and equal the folder name 'other-name'" in e
               for e in errors_of(renamed))


def test_the_entry_point_must_be_defined(folder):
    (folder / "starter.py").write_text("def rownorms(x):\n    pass\n")
    (folder / "reference.py").write_text("def row_norms(x:\n")
    errors = errors_of(folder)
    assert "starter.py: does not define the entry point `row_norms`" in errors
    assert any(e.startswith("reference.py: line 1: syntax error") for e in errors)


def test_case_errors_name_the_case(folder):
    (folder / "cases.py").write_text(
        "import numpy as np\n"
        "def cases():\n"
        "    return [{'name': 'a', 'public': True, 'args': [np.array([object()])]},\n"
        "            {'name': 'a', 'public': 'yes', 'args': [1]},\n"
        "            {'name': 'b', 'public': False, 'arg': [1]}]\n")
    errors = errors_of(folder)
    assert any(e.startswith("cases.py: case 1 (a): inputs cannot be sent to the sandbox") for e in errors)
    assert "cases.py: case 2: name: 'a' is used twice" in errors
    assert "cases.py: case 2 (a): public: required true/false" in errors
    assert "cases.py: case 3: unknown keys ['arg']" in errors


def test_a_crashing_generator_is_reported_not_raised_raw(folder):
    (folder / "cases.py").write_text("def cases():\n    raise KeyError('seed')\n")
    assert errors_of(folder) == ["cases.py: cases() failed: KeyError: 'seed'"]


def test_invalid_toml_and_non_utf8_files_are_clear_errors(folder):
    (folder / "statement.md").write_bytes(b"\xff\xfe bad")
    assert "statement.md: not UTF-8" in errors_of(folder)
    (folder / "problem.toml").write_text("slug = \n")
    assert errors_of(folder)[0].startswith("problem.toml: not valid TOML")


def test_design_problems_carry_a_rubric_and_nothing_to_run():
    problem = load_problem(ROOT / "tests/grader/fixtures/tiny-design")
    assert problem.kind is Kind.DESIGN
    assert [(c.name, c.points) for c in problem.rubric] == [("Eviction", 2.0), ("Invalidation", 3.0)]


def test_a_design_rubric_is_validated(tmp_path):
    folder = tmp_path / "tiny-design"
    shutil.copytree(ROOT / "tests/grader/fixtures/tiny-design", folder)
    (folder / "rubric.toml").write_text("[[criterion]]\nname = 'x'\npoints = 0\n")
    errors = errors_of(folder)
    assert "rubric.toml: criterion 1: points: must be a positive number" in errors
    assert "rubric.toml: criterion 1: description: required string" in errors


def test_every_problem_in_the_bank_loads():
    folders = sorted(p for p in PROBLEMS.iterdir() if p.is_dir())
    assert len(folders) >= 24
    for folder in folders:
        problem = load_problem(folder)
        if problem.kind is Kind.FUNCTION:  # scored problems hold a few large hidden data sets instead
            assert sum(not c.public for c in problem.cases()) >= 8, folder.name
        if problem.kind is not Kind.DESIGN:
            assert len(problem.wrong) >= 3, folder.name
