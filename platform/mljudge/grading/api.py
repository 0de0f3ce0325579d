"""What the rest of the site may ask of the grading engine without importing `grader` itself."""
from __future__ import annotations

import grader
from kombu.exceptions import OperationalError as BrokerUnavailable  # noqa: F401  (publishing failed)


class SourceRejected(ValueError):
    """The code cannot be graded at all (too large, not UTF-8, empty); the message is fit to show."""


MAX_SOURCE_BYTES = grader.MAX_SOURCE_BYTES


def source_too_big_message() -> str:
    """For a form too large to be read at all (core.middleware's 413): the limit the engine's check names."""
    return f"Your code was not submitted: it is over the limit of {MAX_SOURCE_BYTES:,} bytes."


def source_check(source: bytes | str) -> str:
    """The submission as text, or SourceRejected before anything is stored or queued."""
    try:
        return grader.check_source(source)
    except grader.SourceError as exc:
        raise SourceRejected(f"Your code was not submitted: {exc}.") from None


def report_for_solver(report: dict | None) -> dict:
    """The stored (full) report as its author may see it: hidden tests keep only name, verdict and time,
    and what the hidden run printed is dropped. Reports of other schema versions are redacted by hand."""
    if not report:
        return {}
    try:
        return grader.Report.from_dict(report).redacted().to_dict()
    except (ValueError, TypeError, KeyError):
        safe = {k: v for k, v in report.items() if k != "hidden_stdout"}
        safe["tests"] = [t if t.get("visibility") == "public" else
                         {k: t.get(k) for k in ("name", "visibility", "verdict", "passed", "time_s")}
                         for t in report.get("tests", [])]
        return safe


def problem_rubric(*, folder) -> list[dict]:
    """A design problem's rubric criteria: [{"name", "points", "description"}]; [] if it has none."""
    try:
        problem = grader.load_problem(folder)
    except grader.ProblemError:
        return []
    return [{"name": c.name, "points": float(c.points), "description": c.description} for c in problem.rubric]
