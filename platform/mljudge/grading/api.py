"""What the rest of the site may ask of the grading engine without importing `grader` itself."""
from __future__ import annotations

import grader
from kombu.exceptions import OperationalError as BrokerUnavailable  # noqa: F401  (publishing failed)


SourceProblem = grader.SourceProblem


class SourceRejected(ValueError):
    """The code cannot be graded at all (too large, not UTF-8, empty); the message is fit to show, `reason`
    (a SourceProblem) says which."""

    def __init__(self, message: str, *, reason: SourceProblem):
        super().__init__(message)
        self.reason = reason


MAX_SOURCE_BYTES = grader.MAX_SOURCE_BYTES


def source_too_big_message() -> str:
    """For a form too large to be read at all (core.middleware's 413): the limit the engine's check names."""
    return f"Your code was not submitted: it is over the limit of {MAX_SOURCE_BYTES:,} bytes."


def source_check(source: bytes | str) -> str:
    """The submission as text, or SourceRejected before anything is stored or queued."""
    try:
        return grader.check_source(source)
    except grader.SourceError as exc:
        raise SourceRejected(f"Your code was not submitted: {exc}.", reason=exc.reason) from None


def draft_check(source: bytes | str) -> str:
    """An editor draft as text: a submission's limits (size, UTF-8, no NUL), but it may be empty."""
    try:
        return grader.check_source(source, allow_empty=True)
    except grader.SourceError as exc:
        raise SourceRejected(f"Your draft was not saved: {exc}.", reason=exc.reason) from None


# A time that a hidden test counts in, as solvers see it (0.1 s): the grader's rule, one function.
CoarseSeconds = grader.CoarseSeconds
solver_time = grader.solver_time


def problem_rubric(*, folder) -> list[dict]:
    """A design problem's rubric criteria: [{"name", "points", "description"}]; [] if it has none."""
    try:
        problem = grader.load_problem(folder)
    except grader.ProblemError:
        return []
    return [{"name": c.name, "points": float(c.points), "description": c.description} for c in problem.rubric]
