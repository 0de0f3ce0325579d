"""Grade reports on the platform: the one module between a grader.Report and a Submission row.

- report_fields: what a report sets in Submission's columns (first grade and rejudge alike).
- solver_view: a submission as its author may see it, final report and live progress. What a hidden test
  reveals is the grader's rule (grader.Report.for_solver / grader.solver_stream); this module only ever
  passes reports and progress through it, so no page or fragment can show more.
- progress_recorder: the on_test callback that stores live progress; it stores the solver view only, so a
  hidden name or input never reaches Submission.progress.
Which problem version a grade runs against: grading.versions.
Instructors (review pages) read Submission.report, the full report, directly."""
from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import grader

from mljudge.assessments.selectors import results_hidden_until
from mljudge.submissions.models import Mode, Submission, Verdict

logger = logging.getLogger("mljudge.grading")


def report_fields(report: grader.Report) -> dict:
    """The Submission columns a grade report sets, for a first grade and a rejudge alike."""
    return {"verdict": Verdict(report.verdict.value), "score": report.score, "private_score": report.private_score,
            "passed": report.passed, "total": report.total, "time_s": report.time_s, "report": report.to_dict()}


# --- the solver's view -----------------------------------------------------------------------------

@dataclass(frozen=True)
class SolverView:
    """What the submission's author sees of its grading."""

    report: grader.SolverReport | None     # None until graded, for a design answer, or if unreadable
    progress: list[grader.SolverTest]      # the tests judged so far, while grading runs
    progress_total: int | None             # how many tests the running grade has
    total_time_s: float | None             # coarse whenever it counts a hidden test
    # An assignment hides the result from its author for now (assessments.selectors.results_hidden_until): the
    # time it shows, or True until grades are published; then report, progress and time are all empty.
    hidden_until: datetime | bool = False

    @property
    def tests(self) -> list[grader.SolverTest]:
        return self.report.tests if self.report else []

    def to_dict(self) -> dict:
        """JSON-able, for the API and webhooks: exactly what the pages show, no more."""
        return {"report": self.report.to_dict() if self.report else None,
                "progress": {"tests": [grader.solver_test_dict(t) for t in self.progress],
                             "total": self.progress_total},
                "total_time_s": self.total_time_s}


def solver_report(report: dict | None) -> grader.SolverReport | None:
    """A stored (full) report, of any schema version, as its author may see it; None if there is none or it
    cannot be read (then nothing of it is shown)."""
    if not report:
        return None
    try:
        return grader.Report.from_dict(report).for_solver()
    except (ValueError, TypeError, KeyError) as exc:
        logger.warning("a stored report could not be read: %s", exc)
        return None


def solver_total_time(*, submission: Submission) -> float | None:
    """The submission's total time as its author sees it, from the columns alone (lists read no report): a
    run of the public examples counts no hidden test, so it is exact; anything else is coarse."""
    return submission.time_s if submission.mode == Mode.RUN else grader.solver_time(submission.time_s)


def solver_view(*, submission: Submission) -> SolverView:
    hidden = results_hidden_until(submission=submission)
    if hidden:
        return SolverView(report=None, progress=[], progress_total=None, total_time_s=None, hidden_until=hidden)
    report = solver_report(submission.report)
    if report is not None:
        total_time = report.time_s
    else:
        total_time = solver_total_time(submission=submission)
    progress = submission.progress or {}
    return SolverView(report=report, progress=_progress_tests(progress.get("tests") or []),
                      progress_total=progress.get("total"), total_time_s=total_time)


# --- live progress ---------------------------------------------------------------------------------

PUBLIC_PROGRESS_FIELDS = ("name", "visibility", "verdict", "passed", "time_s")  # the table shows no details yet


def progress_recorder(*, total: int, store: Callable[[dict], None]) -> Callable[[grader.TestResult], None]:
    """An on_test callback for grader.grade(reveal_hidden=True): each test, as the solver sees it
    (grader.solver_stream), is added to the progress document and store(progress) is called."""
    rows: list[dict] = []

    def record(test: grader.SolverTest) -> None:
        rows.append(test.to_dict() if isinstance(test, grader.HiddenTest)
                    else {key: getattr(test, key) for key in PUBLIC_PROGRESS_FIELDS})
        store({"total": total, "tests": list(rows)})

    return grader.solver_stream(record)


def _progress_tests(rows: list[dict]) -> list[grader.SolverTest]:
    """Stored progress rows read back through the grader's view (so even a row stored by an older recorder,
    with a hidden test's name in it, shows only what the view allows)."""
    ordinals = itertools.count(1)
    tests = []
    for row in rows:
        try:
            hidden = row.get("visibility") != grader.Visibility.PUBLIC
            tests.append(grader.solver_test_from_dict(row, ordinal=next(ordinals) if hidden else 0))
        except (ValueError, KeyError, AttributeError):
            continue
    return tests

