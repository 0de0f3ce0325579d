"""The rules of assignments and mock interviews, in one place (docs/assessments.md quotes them):

- the clock: `now()` — every rule takes `now` as an argument, callers get it here once per request;
- the late penalty: none (nothing after the due time counts), or a percentage per *started* day late, up to a
  cut-off after which a submission does not count;
- extensions: a student's own due time replaces the assignment's, and the late policy runs from it;
- which submission counts: the last one, or the best one (after its late penalty), made by the cut-off;
- hidden results: until the student's due time, or until grades are published;
- a mock interview's end: the time limit or the moment the solver ended it, whichever came first.

Pure functions over plain values; what "solved" and a problem's fraction mean is leaderboards.scoring's."""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone
from grader.problem import Kind

from mljudge.leaderboards import scoring

from .models import Counting, HideResults, LatePolicy

DAY = timedelta(days=1)
MAX_CUTOFF_DAYS = 30
MAX_POINTS = 1000
MOCK_LENGTHS = (10, 20, 30, 45)   # minutes a mock interview may last
MOCK_MAX_CODING = 2


def now() -> datetime:
    """The one clock of assessments: the web process's, the same one that stamps Submission.created_at."""
    return timezone.now()


def effective_due(*, due_at: datetime, extension_due_at: datetime | None) -> datetime:
    """A student's due time: their extension's when they have one (an extension never shortens)."""
    return max(due_at, extension_due_at) if extension_due_at else due_at


def cutoff(*, late_policy: str, cutoff_days: int, due: datetime) -> datetime:
    """The last moment a submission counts at all."""
    return due + cutoff_days * DAY if late_policy == LatePolicy.PER_DAY else due


def days_late(*, submitted_at: datetime, due: datetime) -> int:
    """Started days after the due time: one second late is one day."""
    if submitted_at <= due:
        return 0
    return math.ceil((submitted_at - due) / DAY)


@dataclass(frozen=True)
class Lateness:
    days: int          # 0: on time
    factor: float      # what the score is multiplied by (1.0 on time)


def lateness(*, late_policy: str, percent_per_day: int, cutoff_days: int, submitted_at: datetime,
             due: datetime) -> Lateness | None:
    """How late a submission is and what it keeps; None when it does not count (after the cut-off)."""
    if submitted_at > cutoff(late_policy=late_policy, cutoff_days=cutoff_days, due=due):
        return None
    days = days_late(submitted_at=submitted_at, due=due)
    return Lateness(days=days, factor=max(0.0, 1.0 - days * percent_per_day / 100))


@dataclass(frozen=True)
class Candidate:
    """A graded submission that counts, with its value (fraction of the problem after the late penalty)."""

    submission_id: int
    created_at: datetime
    value: float
    lateness: Lateness


def counted(candidates: Sequence[Candidate], *, counting: str) -> Candidate | None:
    """The submission that counts: the last one, or the best one (ties: the earlier)."""
    if not candidates:
        return None
    ordered = sorted(candidates, key=lambda c: (c.created_at, c.submission_id))
    if counting == Counting.BEST:
        return max(ordered, key=lambda c: c.value)   # max keeps the first of equals
    return ordered[-1]


def results_hidden_until(*, hide_results: str, published_at: datetime | None, due: datetime,
                         now: datetime) -> datetime | bool:
    """When a student's results on the assignment become visible: False when they are visible now; the
    student's due time while hidden until it; True while hidden until the instructor publishes grades."""
    if hide_results == HideResults.NO or published_at is not None:
        return False
    if hide_results == HideResults.UNTIL_DUE:
        return due if now < due else False
    return True


def mock_end_of(*, ends_at: datetime, ended_at: datetime | None) -> datetime:
    """When a mock interview ended (or will): its time limit, or earlier if the solver ended it."""
    return min(ends_at, ended_at) if ended_at else ends_at


def mock_counts(*, created_at: datetime, started_at: datetime, end: datetime) -> bool:
    """Whether a submission belongs to the session: made from its start up to (not at) its end."""
    return started_at <= created_at < end


def problem_fraction(*, kind: str, verdict: str, score: float | None, score_override: float | None,
                     threshold: float | None, low: float | None, high: float | None) -> tuple[bool, float]:
    """(solved, fraction of the problem's points) for one graded submission. Function and scored problems:
    leaderboards.scoring's rule exactly (incl. an instructor's override). Design answers, which leaderboards do
    not rank: the published rubric's fraction of points (the answer's effective score), solved at full marks."""
    effective = scoring.effective_score(score=score, score_override=score_override, low=low, high=high)
    if kind == Kind.DESIGN:
        value = 0.0 if effective is None or effective != effective else min(1.0, max(0.0, effective))
        return value >= scoring.FULL_SCORE, value
    solved = scoring.is_solved(kind=kind, verdict=verdict, score=score, score_override=score_override,
                               threshold=threshold, low=low, high=high)
    return solved, scoring.fraction(kind=kind, solved=solved, score=effective, threshold=threshold)
