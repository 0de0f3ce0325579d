"""How points are counted: pure functions, the only place the rules live (the leaderboard pages quote them)."""
from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import timedelta

# The grader's enums (pure, like this module); the models' Kind, Difficulty and Verdict have the same values.
from grader.problem import Difficulty, Kind
from grader.report import Verdict

DIFFICULTY_WEIGHTS = {Difficulty.EASY: 1.0, Difficulty.MEDIUM: 2.0, Difficulty.HARD: 3.0}
DECAY = 0.95
PLACES = 6  # points are stored rounded, so that equal totals compare equal (ties go to who got there first)
FULL_SCORE = 1.0  # a function problem's score when every test passes (the fraction passed)
WINDOW = timedelta(days=30)           # the "last 30 days" ranking counts results reached within it...
WINDOW_REFRESH = timedelta(minutes=15)  # ...recounted this often as results age out (a beat task; settings)
# Learning (issue 13): each hint revealed before the problem was first solved costs this share of its points, up
# to HINT_COST_CAP; giving up (opening the editorial unsolved) forfeits the problem: 0 points, even solved later.
HINT_COST = 0.10
HINT_COST_CAP = 0.30


def rules_quoted() -> dict:
    """The constants above as the leaderboard page quotes them: the page renders these, never copies."""
    return {"weights": list(DIFFICULTY_WEIGHTS.items()), "decay": DECAY, "full_score": FULL_SCORE,
            "window_days": WINDOW.days, "refresh_minutes": int(WINDOW_REFRESH.total_seconds() // 60),
            "hint_cost_percent": round(HINT_COST * 100), "hint_cap_percent": round(HINT_COST_CAP * 100),
            "hint_rule": f"each hint revealed before you first solve a problem costs {HINT_COST:.0%} of its "
                         f"points (at most {HINT_COST_CAP:.0%})",
            "forfeit_rule": "giving up (opening the editorial before solving) is a forfeit: the problem earns "
                            "0 points, even if solved later"}


def in_range(value: float, *, low: float | None, high: float | None) -> bool:
    """Whether a score is one a grade of the problem could have (low/high: Problem.score_min/score_max, None:
    unbounded on that side). NaN and infinities never are."""
    return math.isfinite(value) and (low is None or value >= low) and (high is None or value <= high)


def effective_score(*, score: float | None, score_override: float | None,
                    low: float | None = None, high: float | None = None) -> float | None:
    """An instructor's override replaces the graded score. It is clamped to the problem's score range, so even a
    row written around review.services (legacy data, the shell) never counts for more than a real grade could."""
    if score_override is None:
        return score
    if math.isnan(score_override):  # NaN counts as the lowest score there is
        return low if low is not None else float("-inf")
    if low is not None:
        score_override = max(low, score_override)
    if high is not None:
        score_override = min(high, score_override)
    return score_override


def is_solved(*, kind: str, verdict: str, score: float | None, score_override: float | None,
              threshold: float | None, low: float | None = None, high: float | None = None) -> bool:
    """Accepted by the grader, unless an override says otherwise: the (clamped) override solves when it reaches
    what acceptance needs — a scored problem's threshold, otherwise a full score (every test passed, every
    rubric point) — and a lower one does not."""
    if score_override is not None:
        effective = effective_score(score=score, score_override=score_override, low=low, high=high)
        bar = threshold if kind == Kind.SCORED and threshold is not None else FULL_SCORE
        return effective >= bar
    return verdict == Verdict.ACCEPTED


def fraction(*, kind: str, solved: bool, score: float | None, threshold: float | None) -> float:
    """Function problems: all or nothing. Scored problems: the score relative to the threshold, capped at 1
    (without a positive threshold, the score itself clamped to [0, 1])."""
    if kind != Kind.SCORED:
        return 1.0 if solved else 0.0
    if solved:
        return 1.0
    if score is None or score != score:  # None or NaN
        return 0.0
    value = score / threshold if threshold and threshold > 0 else score
    return min(1.0, max(0.0, value))


def problem_points(*, difficulty: str, fraction: float) -> float:
    return round(DIFFICULTY_WEIGHTS.get(difficulty, 1.0) * fraction, PLACES)


def hints_counted(*, revealed_at: Iterable, solved_at) -> int:
    """The hints that cost points: those revealed before the first solve (all of them while unsolved)."""
    return sum(1 for at in revealed_at if solved_at is None or at < solved_at)


def is_forfeit(*, gave_up_at, solved_at) -> bool:
    """Gave up before solving (or without ever solving)."""
    return gave_up_at is not None and (solved_at is None or gave_up_at < solved_at)


def learning_points(*, points: float, hints: int, forfeit: bool) -> float:
    """A problem's points after its hints and a forfeit."""
    if forfeit:
        return 0.0
    return round(points * (1.0 - min(HINT_COST * hints, HINT_COST_CAP)), PLACES)


def decayed_total(points: Iterable[float]) -> float:
    """DMOJ-style: Σ DECAY^i × p_i over the points sorted from best to worst, so breadth matters."""
    ordered = sorted((p for p in points if p > 0), reverse=True)
    return round(sum(p * DECAY ** i for i, p in enumerate(ordered)), PLACES)
