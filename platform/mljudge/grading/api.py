"""What the rest of the site may ask of the grading engine without importing `grader` itself."""
from __future__ import annotations

import grader
from kombu.exceptions import OperationalError as BrokerUnavailable  # noqa: F401  (publishing failed)

from mljudge.core.refusals import Reason, Refused


SourceProblem = grader.SourceProblem
# The grader's reasons as the site's refusal reasons (core.refusals owns their statuses and messages).
SOURCE_REFUSAL = {SourceProblem.TOO_LARGE: Reason.SOURCE_TOO_LARGE, SourceProblem.NOT_UTF8: Reason.SOURCE_NOT_UTF8,
                  SourceProblem.EMPTY: Reason.SOURCE_EMPTY, SourceProblem.NUL: Reason.SOURCE_NUL}


class SourceRejected(Refused):
    """The code cannot be graded at all (too large, not UTF-8, empty, NUL); `reason` says which (a SOURCE_*
    core.refusals.Reason), `problem` the grader's SourceProblem."""

    def __init__(self, error: grader.SourceError, *, not_done: str):
        self.problem = error.reason
        super().__init__(SOURCE_REFUSAL[error.reason], not_done=not_done, detail=str(error))


MAX_SOURCE_BYTES = grader.MAX_SOURCE_BYTES


def source_too_big() -> Refused:
    """For a form too large to be read at all (core.middleware's 413): the limit the engine's check names."""
    return Refused(Reason.SOURCE_TOO_LARGE, not_done="Your code was not submitted",
                   detail=f"it is over the limit of {MAX_SOURCE_BYTES:,} bytes")


def source_too_big_message() -> str:
    return str(source_too_big())


def source_check(source: bytes | str) -> str:
    """The submission as text, or SourceRejected before anything is stored or queued."""
    try:
        return grader.check_source(source)
    except grader.SourceError as exc:
        raise SourceRejected(exc, not_done="Your code was not submitted") from None


def draft_check(source: bytes | str) -> str:
    """An editor draft as text: a submission's limits (size, UTF-8, no NUL), but it may be empty."""
    try:
        return grader.check_source(source, allow_empty=True)
    except grader.SourceError as exc:
        raise SourceRejected(exc, not_done="Your draft was not saved") from None


SOLVER_TIME_DIGITS = 1  # 0.1 s


class CoarseSeconds(float):
    """A time rounded by solver_time; it says so itself, so that pages print it as coarse ("0.1 s")."""

    digits = SOLVER_TIME_DIGITS


def solver_time(seconds: float | None) -> CoarseSeconds | None:
    """A time that a hidden test counts in (its own, or a total), as solvers see it: to the nearest 0.1 s.
    To the millisecond, code could read the size of a hidden input back (loop or sleep n ms, read n off the
    page). The one place this rule lives: the report, progress rows, totals and leaderboards all ask it."""
    try:
        return None if seconds is None else CoarseSeconds(round(float(seconds), SOLVER_TIME_DIGITS))
    except (TypeError, ValueError, OverflowError):
        return None


def report_for_solver(report: dict | None) -> dict:
    """The stored (full) report as its author may see it: hidden tests keep only name, verdict and a coarse
    time (solver_time), totals that include them are coarse too, and what the hidden run printed is dropped.
    Reports of other schema versions are redacted by hand."""
    if not report:
        return {}
    try:
        safe = grader.Report.from_dict(report).redacted().to_dict()
    except (ValueError, TypeError, KeyError):
        safe = {k: v for k, v in report.items() if k != "hidden_stdout"}
        safe["tests"] = [t if t.get("visibility") == "public" else
                         {k: t.get(k) for k in ("name", "visibility", "verdict", "passed", "time_s")}
                         for t in report.get("tests", [])]
    hidden = [t for t in safe.get("tests", []) if t.get("visibility") != "public"]
    for test in hidden:
        test["time_s"] = solver_time(test.get("time_s"))
    if hidden or not safe.get("public_only"):
        for total in ("time_s", "wall_time_s"):
            if total in safe:
                safe[total] = solver_time(safe[total])
    return safe


def problem_rubric(*, folder) -> list[dict]:
    """A design problem's rubric criteria: [{"name", "points", "description"}]; [] if it has none."""
    try:
        problem = grader.load_problem(folder)
    except grader.ProblemError:
        return []
    return [{"name": c.name, "points": float(c.points), "description": c.description} for c in problem.rubric]
