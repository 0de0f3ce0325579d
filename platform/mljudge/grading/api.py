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


def problem_public_facts(*, slug: str) -> dict | None:
    """What a solver may read from a problem's folder besides its catalogue row: the public examples (as a
    Run's report shows them), the limits and a scored problem's metric. None if the folder cannot be loaded."""
    from .versions import local_problem

    try:
        problem = local_problem(slug)
        examples = grader.public_examples(problem)
    except grader.ProblemError:
        return None
    return {"examples": examples,
            "limits": {"time_s": problem.limits.time_per_case_s, "memory_mb": problem.limits.memory_mb},
            "metric": problem.scoring.get("metric") if problem.kind is grader.Kind.SCORED else None}


# The library each runtime is about, as installed on the trusted side: the runner images pin the same versions
# (tests/grader/test_runtimes.py keeps the pins in step).
_RUNTIME_LIBRARY = {grader.Runtime.NUMPY: "numpy", grader.Runtime.TORCH: "torch"}


def runtime_version(runtime: str) -> str:
    """'2.13 (CPU)' for torch, '2.3' for numpy: what a problem page says its code runs with."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        full = version(_RUNTIME_LIBRARY[grader.Runtime(runtime)])
    except (PackageNotFoundError, ValueError, KeyError):
        return ""
    release, _, local = full.partition("+")
    short = ".".join(release.split(".")[:2])
    return f"{short} ({local.upper()})" if local else short
