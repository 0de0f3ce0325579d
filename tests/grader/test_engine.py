"""grade() beyond the golden files: the instructor's full report, and tests streamed while grading."""
import json
import shutil

import pytest

from grader import SCHEMA_VERSION, HiddenTest, Report, Verdict, Visibility, grade, load_problem, solver_time

from ..conftest import ROOT

FIXTURE = ROOT / "tests/grader/fixtures/vector-norm"
WRONG = "import numpy as np\ndef row_norms(x):\n    print('seen', x.ravel()[:1])\n    return np.abs(x).sum(axis=1) * 1.0\n"


def test_a_full_report_reveals_hidden_details_and_the_solver_view_hides_them(local_sandbox):
    full = grade(load_problem(FIXTURE), WRONG, sandbox=local_sandbox, reveal_hidden=True)
    hidden = [t for t in full.tests if t.visibility is Visibility.HIDDEN]
    assert all(t.input and t.expected and t.got and t.message for t in hidden)
    assert "271828" in full.hidden_stdout and "271828" not in full.stdout
    solver = full.for_solver()
    shown = [t for t in solver.tests if t.visibility is Visibility.HIDDEN]
    assert shown == [HiddenTest(ordinal=n, verdict=t.verdict, time_s=solver_time(t.time_s),
                                category=", ".join(t.covers) if not t.passed else "")
                     for n, t in enumerate(hidden, 1)]
    assert not any(t.name in json.dumps(solver.to_dict()) for t in hidden)
    assert "271828" not in json.dumps(solver.to_dict())
    assert solver.verdict is full.verdict and solver.score == full.score
    assert [t for t in solver.tests if not t.hidden] == [t for t in full.tests if not t.hidden]  # complete


def test_tests_are_streamed_in_order_as_they_are_judged_and_in_the_solver_view(local_sandbox):
    seen = []
    report = grade(load_problem(FIXTURE), WRONG, sandbox=local_sandbox, on_test=seen.append)
    assert seen == report.tests
    assert [t.ordinal for t in seen if t.hidden] == [1, 2, 3]
    assert seen[0].got != ""


def test_it_reads_an_older_report_schema_through_the_one_upgrade(local_sandbox):
    full = grade(load_problem(FIXTURE), WRONG, sandbox=local_sandbox, reveal_hidden=True).to_dict()
    old = {**full, "schema_version": 1, "tests": [{k: v for k, v in t.items() if k != "covers"}
                                                  for t in full["tests"]]}
    del old["hidden_stdout"]
    upgraded = Report.from_dict(old)
    assert upgraded.schema_version == SCHEMA_VERSION and all(t.covers == [] for t in upgraded.tests)
    assert [t.verdict for t in upgraded.for_solver().tests] == [t["verdict"] for t in full["tests"]]
    with pytest.raises(ValueError, match="newer"):
        Report.from_dict({**full, "schema_version": SCHEMA_VERSION + 1})


def test_a_failed_hidden_test_shows_the_edges_its_case_covers_and_nothing_else(local_sandbox, tmp_path):
    folder = tmp_path / "vector-norm"
    shutil.copytree(FIXTURE, folder)
    toml, cases = folder / "problem.toml", folder / "cases.py"
    toml.write_text(toml.read_text().replace("[inputs.x]", '[edges]\nzero-row = "a row of zeros"\n\n[inputs.x]'))
    cases.write_text(cases.read_text().replace('{"name": "hidden-ints", "public": False,',
                                               '{"name": "hidden-ints", "public": False, "covers": ["zero-row"],'))
    solver = grade(load_problem(folder), WRONG, sandbox=local_sandbox)
    first = next(t for t in solver.tests if t.hidden)
    assert (first.ordinal, first.verdict, first.category) == (1, Verdict.WRONG_ANSWER, "zero-row")
    assert first.to_dict() == {"visibility": "hidden", "ordinal": 1, "verdict": "wrong_answer",
                               "time_s": first.time_s, "category": "zero-row"}


def test_a_run_cut_short_still_streams_every_test(local_sandbox):
    seen = []
    source = "import os\ndef row_norms(x):\n    if len(x) == 1:\n        os._exit(3)\n    return [5.0, 1.0]\n"
    report = grade(load_problem(FIXTURE), source, sandbox=local_sandbox, on_test=seen.append)
    assert [t.verdict for t in seen] == [t.verdict for t in report.tests]
    assert report.tests[1].verdict is Verdict.RUNTIME_ERROR and "exit code 3" in report.tests[1].message


def test_invalid_scored_predictions_are_a_wrong_answer_with_score_zero(local_sandbox):
    # The metric is only ever computed on predictions that passed validation.
    scored = load_problem(ROOT / "tests/grader/fixtures/tiny-scored")
    report = grade(scored, "import numpy as np\ndef predict(X_train, y_train, X_test):\n"
                           "    return np.zeros(len(X_test) - 1, dtype=np.int64)\n", sandbox=local_sandbox)
    assert report.verdict is Verdict.WRONG_ANSWER and report.score == 0.0
    assert "expected predictions for 6 rows, got 5" in report.tests[0].message


def test_a_failed_hidden_test_shows_its_explicit_category_before_its_edges(local_sandbox, tmp_path):
    folder = tmp_path / "vector-norm"
    shutil.copytree(FIXTURE, folder)
    toml, cases = folder / "problem.toml", folder / "cases.py"
    toml.write_text(toml.read_text().replace("[inputs.x]", '[edges]\nzero-row = "a row of zeros"\n\n[inputs.x]'))
    cases.write_text(cases.read_text().replace(
        '{"name": "hidden-ints", "public": False,',
        '{"name": "hidden-ints", "public": False, "covers": ["zero-row"], "category": "integer dtype",'))
    full = grade(load_problem(folder), WRONG, sandbox=local_sandbox, reveal_hidden=True)
    assert full.tests[2].category == "integer dtype"
    shown = [t for t in full.for_solver().tests if t.hidden]
    assert shown[0].category == "integer dtype"
    # A stored solver row keeps the category it was shown, and a report from before categories reads back.
    stored = grader_roundtrip(shown[0])
    assert stored.category == "integer dtype"
    older = {**full.to_dict(), "schema_version": 2,
             "tests": [{k: v for k, v in t.items() if k != "category"} for t in full.to_dict()["tests"]]}
    assert [t.category for t in Report.from_dict(older).for_solver().tests if t.hidden][0] == "zero-row"


def grader_roundtrip(test):
    from grader.report import solver_test_from_dict

    return solver_test_from_dict(test.to_dict(), ordinal=test.ordinal)
