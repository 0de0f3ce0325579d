"""How points are counted: pure functions, the only place the rules live (the leaderboard pages quote them)."""
from __future__ import annotations

from collections.abc import Iterable

DIFFICULTY_WEIGHTS = {"easy": 1.0, "medium": 2.0, "hard": 3.0}
DECAY = 0.95
PLACES = 6  # points are stored rounded, so that equal totals compare equal (ties go to who got there first)


def effective_score(*, score: float | None, score_override: float | None) -> float | None:
    """An instructor's override replaces the graded score."""
    return score_override if score_override is not None else score


def is_solved(*, kind: str, verdict: str, score: float | None, score_override: float | None,
              threshold: float | None) -> bool:
    """Accepted by the grader, unless an override says otherwise: an override of 1.0 (scored problems: at least
    the threshold) solves, a lower one does not."""
    if score_override is not None:
        bar = threshold if kind == "scored" and threshold is not None else 1.0
        return score_override >= bar
    return verdict == "accepted"


def fraction(*, kind: str, solved: bool, score: float | None, threshold: float | None) -> float:
    """Function problems: all or nothing. Scored problems: the score relative to the threshold, capped at 1
    (without a positive threshold, the score itself clamped to [0, 1])."""
    if kind != "scored":
        return 1.0 if solved else 0.0
    if solved:
        return 1.0
    if score is None or score != score:  # None or NaN
        return 0.0
    value = score / threshold if threshold and threshold > 0 else score
    return min(1.0, max(0.0, value))


def problem_points(*, difficulty: str, fraction: float) -> float:
    return round(DIFFICULTY_WEIGHTS.get(difficulty, 1.0) * fraction, PLACES)


def decayed_total(points: Iterable[float]) -> float:
    """DMOJ-style: Σ 0.95^i × p_i over the points sorted from best to worst, so breadth matters."""
    ordered = sorted((p for p in points if p > 0), reverse=True)
    return round(sum(p * DECAY ** i for i, p in enumerate(ordered)), PLACES)
