"""grade() beyond the golden files: the instructor's full report, and tests streamed while grading."""
from grader import Verdict, Visibility, grade, load_problem

from ..conftest import ROOT

FIXTURE = ROOT / "tests/grader/fixtures/vector-norm"
WRONG = "import numpy as np\ndef row_norms(x):\n    print('seen', x.ravel()[:1])\n    return np.abs(x).sum(axis=1) * 1.0\n"


def test_a_full_report_reveals_hidden_details_and_the_redacted_view_hides_them(local_sandbox):
    full = grade(load_problem(FIXTURE), WRONG, sandbox=local_sandbox, reveal_hidden=True)
    hidden = [t for t in full.tests if t.visibility is Visibility.HIDDEN]
    assert all(t.input and t.expected and t.got and t.message for t in hidden)
    assert "271828" in full.hidden_stdout and "271828" not in full.stdout
    solver = full.redacted()
    assert all(not (t.input or t.expected or t.got or t.message) for t in solver.tests
               if t.visibility is Visibility.HIDDEN)
    assert solver.hidden_stdout == "" and solver.verdict is full.verdict and solver.score == full.score
    assert [t.name for t in solver.tests] == [t.name for t in full.tests]


def test_tests_are_streamed_in_order_as_they_are_judged_and_redacted(local_sandbox):
    seen = []
    report = grade(load_problem(FIXTURE), WRONG, sandbox=local_sandbox, on_test=seen.append)
    assert [t.name for t in seen] == [t.name for t in report.tests]
    assert [t.verdict for t in seen] == [t.verdict for t in report.tests]
    assert all(t.got == "" for t in seen if t.visibility is Visibility.HIDDEN)
    assert seen[0].got != ""


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
