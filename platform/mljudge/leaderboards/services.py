"""Writes of the leaderboards: BestResult rows derived from graded submissions, and the Standing totals derived
from BestResult. Every entry point re-derives from the source rows (a handful per user and problem), so
recording, recomputing after a rejudge or an override, and a full rebuild can never disagree."""
from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from mljudge.assessments.selectors import hidden_results
from mljudge.learning.models import EditorialUnlock, HintReveal, UnlockReason
from mljudge.problemset.models import Kind, Problem
from mljudge.submissions.models import Mode, Status, Submission

from . import scoring
from .models import BestResult, Revision, Scope, Standing

logger = logging.getLogger("mljudge.leaderboards")

_FIELDS = ("id", "user_id", "problem_id", "created_at", "verdict", "score", "score_override", "time_s",
           "private_score")


@dataclass(frozen=True)
class ProblemRules:
    kind: str
    difficulty: str
    threshold: float | None
    low: float | None = None    # the problem's score range: overrides count only inside it
    high: float | None = None


@dataclass(frozen=True)
class Learning:
    """What one user took from one problem besides its statement (mljudge.learning's rows)."""

    hints_revealed_at: tuple = ()
    gave_up_at: datetime | None = None


def _learning(**filters) -> dict[tuple[int, int], Learning]:
    """(user_id, problem_id) -> Learning, for the rows matching filters (user_id=, problem_id=, or none)."""
    hints: dict[tuple[int, int], list] = defaultdict(list)
    for user_id, problem_id, at in HintReveal.objects.filter(**filters).values_list("user_id", "problem_id",
                                                                                   "revealed_at"):
        hints[(user_id, problem_id)].append(at)
    gave_up = dict(((u, p), at) for u, p, at in EditorialUnlock.objects.filter(
        reason=UnlockReason.GAVE_UP, **filters).values_list("user_id", "problem_id", "unlocked_at"))
    return {key: Learning(hints_revealed_at=tuple(hints.get(key, ())), gave_up_at=gave_up.get(key))
            for key in {*hints, *gave_up}}


def _graded(*, user_id: int | None = None, **filters) -> Iterable[dict]:
    """The graded submissions that count, those whose results an assignment hides from their author left out
    (assessments.selectors.hidden_results) until the hiding ends and assessments.services.results_record
    recomputes them."""
    hidden = hidden_results(user_id=user_id)
    if user_id is not None:
        filters["user_id"] = user_id
    return (Submission.objects.filter(mode=Mode.SUBMIT, status=Status.GRADED, **filters).exclude(hidden)
            .values(*_FIELDS))


def _summarise(*, rules: ProblemRules, rows: list[dict], learning: Learning = Learning()) -> dict | None:
    """The BestResult fields for one user's graded submissions of one problem, oldest first, after the hints
    they revealed and a give-up (scoring.learning_points)."""
    if not rows:
        return None
    best, best_key, best_points, first_solve = None, None, 0.0, None
    for row in rows:
        score = scoring.effective_score(score=row["score"], score_override=row["score_override"],
                                        low=rules.low, high=rules.high)
        solved = scoring.is_solved(kind=rules.kind, verdict=row["verdict"], score=row["score"],
                                   score_override=row["score_override"], threshold=rules.threshold,
                                   low=rules.low, high=rules.high)
        points = scoring.problem_points(difficulty=rules.difficulty, fraction=scoring.fraction(
            kind=rules.kind, solved=solved, score=score, threshold=rules.threshold))
        if solved and first_solve is None:
            first_solve = row
        key = (points, score if score is not None and score == score else float("-inf"))
        if best_key is None or key > best_key:  # strictly better: ties keep the earlier submission
            best, best_key, best_points = row, key, points
    private = scoring.effective_score(score=best["private_score"], score_override=best["score_override"],
                                      low=rules.low, high=rules.high)
    solved_at = first_solve["created_at"] if first_solve else None
    hints = scoring.hints_counted(revealed_at=learning.hints_revealed_at, solved_at=solved_at)
    forfeit = scoring.is_forfeit(gave_up_at=learning.gave_up_at, solved_at=solved_at)
    best_points = scoring.learning_points(points=best_points, hints=hints, forfeit=forfeit)
    return {
        "hints_used": hints, "forfeit": forfeit,
        "best_submission_id": best["id"], "solved": first_solve is not None, "points": best_points,
        "best_score": best_key[1] if best_key[1] != float("-inf") else None, "private_score": private,
        "achieved_at": best["created_at"] if best_points > 0 else None,
        "solved_at": first_solve["created_at"] if first_solve else None,
        "runtime_s": first_solve["time_s"] if first_solve else None, "attempts": len(rows),
    }


_RULE_FIELDS = ("kind", "difficulty", "score_threshold", "score_min", "score_max")


def _rules(problem: Problem) -> ProblemRules:
    return ProblemRules(kind=problem.kind, difficulty=problem.difficulty, threshold=problem.score_threshold,
                        low=problem.score_min, high=problem.score_max)


def best_result_recompute(*, user_id: int, problem_id: int) -> BestResult | None:
    """Rebuilds one user's BestResult for one problem from all their graded submissions of it (after a grade, a
    rejudge or a score override), then their totals. None when nothing graded is left."""
    with transaction.atomic():
        # One user's totals are derived from all their rows: serialise concurrent grades of the same user.
        get_user_model().objects.select_for_update().filter(pk=user_id).first()
        problem = Problem.objects.only(*_RULE_FIELDS).get(pk=problem_id)
        rows = sorted(_graded(user_id=user_id, problem_id=problem_id), key=lambda r: (r["created_at"], r["id"]))
        learning = _learning(user_id=user_id, problem_id=problem_id).get((user_id, problem_id), Learning())
        fields = _summarise(rules=_rules(problem), rows=rows, learning=learning)
        if fields is None:
            BestResult.objects.filter(user_id=user_id, problem_id=problem_id).delete()
            result = None
        else:
            result, _ = BestResult.objects.update_or_create(user_id=user_id, problem_id=problem_id, defaults=fields)
        # The problem's board and verdict counts change with every grade; the totals only when a standing does.
        scopes = standings_update_user(user_id=user_id)
        revisions_bump(names=[Revision.of_problem(problem_id), *map(Revision.of_scope, scopes)])
    return result


def best_result_record(*, submission: Submission) -> BestResult | None:
    """Called by grading in the transaction that stores a grade: only graded submissions (not runs, not
    design answers) count."""
    if submission.mode != Mode.SUBMIT:
        return None
    return best_result_recompute(user_id=submission.user_id, problem_id=submission.problem_id)


# --- standings ---------------------------------------------------------------------------------------

def user_pages_invalidate(*, user_id: int) -> None:
    """In the caller's transaction, before a user's name changes or their rows go: the cached pages that may show
    them (each scope they stand in, each problem they have a result on) are never read again."""
    scopes = Standing.objects.filter(user_id=user_id).values_list("scope", flat=True)
    problems = BestResult.objects.filter(user_id=user_id).values_list("problem_id", flat=True)
    revisions_bump(names=[*map(Revision.of_scope, scopes), *map(Revision.of_problem, problems)])


def revisions_bump(*, names: Iterable[str]) -> None:
    """In the caller's transaction: cached pages keyed by the old numbers are never read again after it commits.
    One upsert (a row appears at its first bump, atomically even when two transactions race to create it), rows
    taken in name order so that concurrent grades never deadlock on them; each row is held until the commit, so
    only transactions bumping the same name wait for each other."""
    names = sorted(set(names))
    if not names:
        return
    table = connection.ops.quote_name(Revision._meta.db_table)
    values = ", ".join(["(%s, %s, 1)"] * len(names))
    params = [value for name in names for value in (name, uuid.uuid4().hex)]
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} (name, token, number) VALUES {values} "
                       f"ON CONFLICT (name) DO UPDATE SET number = {table}.number + 1", params)


def _topics_by_problem(problem_ids: Iterable[int] | None = None) -> dict[int, list[str]]:
    through = Problem.topics.through.objects.all()
    if problem_ids is not None:
        through = through.filter(problem_id__in=list(problem_ids))
    topics: dict[int, list[str]] = defaultdict(list)
    for problem_id, slug in through.values_list("problem_id", "topic__slug"):
        topics[problem_id].append(slug)
    return topics


def _scopes(*, rows: list[dict], topics: dict[int, list[str]], since: datetime) -> dict[str, tuple[float, int, datetime]]:
    """scope -> (decayed total, solved count, reached_at) for one user's BestResult rows with points."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups[Scope.ALL].append(row)
        if row["achieved_at"] >= since:
            groups[Scope.LAST_30_DAYS].append(row)
        for slug in topics.get(row["problem_id"], ()):
            groups[Scope.topic(slug)].append(row)
    # Every p_i only ever grows the total, so it last rose when the latest of its parts was reached.
    return {scope: (scoring.decayed_total(r["points"] for r in group), sum(r["solved"] for r in group),
                    max(r["achieved_at"] for r in group))
            for scope, group in groups.items()}


_ROW_FIELDS = ("user_id", "problem_id", "points", "solved", "achieved_at")


def standings_update_user(*, user_id: int, now: datetime | None = None) -> list[str]:
    """In the caller's transaction, holding the user's lock: re-derives one user's Standing rows and writes only
    those that changed; returns the scopes changed, added or removed, the only ones whose pages must be invalidated."""
    rows = list(BestResult.objects.filter(user_id=user_id, points__gt=0).values(*_ROW_FIELDS))
    scopes = _scopes(rows=rows, topics=_topics_by_problem(r["problem_id"] for r in rows),
                     since=(now or timezone.now()) - scoring.WINDOW)
    old = {s: (p, n, at) for s, p, n, at in
           Standing.objects.filter(user_id=user_id).values_list("scope", "points", "solved", "reached_at")}
    changed = [s for s, value in scopes.items() if old.get(s) != value]
    if changed:
        Standing.objects.bulk_create(
            [Standing(scope=s, user_id=user_id, points=scopes[s][0], solved=scopes[s][1], reached_at=scopes[s][2])
             for s in changed],
            update_conflicts=True, unique_fields=["scope", "user"], update_fields=["points", "solved", "reached_at"])
    removed = [s for s in old if s not in scopes]
    if removed:
        Standing.objects.filter(user_id=user_id, scope__in=removed).delete()
    return changed + removed


def _rebuild_scopes(*, rows: Iterable[dict], only: str | None, since: datetime) -> list[Standing]:
    by_user: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        by_user[row["user_id"]].append(row)
    topics = _topics_by_problem() if only is None else {}
    return [Standing(scope=s, user_id=user_id, points=p, solved=n, reached_at=at)
            for user_id, user_rows in by_user.items()
            for s, (p, n, at) in _scopes(rows=user_rows, topics=topics, since=since).items()
            if only is None or s == only]


def standings_refresh_window(*, now: datetime | None = None) -> int:
    """Recounts the "last 30 days" scope for everyone (a beat task; grades update their own user at once)."""
    since = (now or timezone.now()) - scoring.WINDOW
    rows = BestResult.objects.filter(points__gt=0, achieved_at__gte=since).values(*_ROW_FIELDS).iterator(2000)
    standings = _rebuild_scopes(rows=rows, only=Scope.LAST_30_DAYS, since=since)
    with transaction.atomic():
        Standing.objects.filter(scope=Scope.LAST_30_DAYS).delete()
        Standing.objects.bulk_create(standings, batch_size=2000)
        revisions_bump(names=[Revision.of_scope(Scope.LAST_30_DAYS)])
    return len(standings)


def leaderboards_rebuild(*, now: datetime | None = None) -> tuple[int, int]:
    """Rebuilds every BestResult and Standing from the submissions (after a bulk import, or to repair)."""
    problems = {p.pk: _rules(p) for p in Problem.objects.only(*_RULE_FIELDS)}
    learning = _learning()
    results: list[BestResult] = []
    group: list[dict] = []
    rows = _graded().order_by("user_id", "problem_id", "created_at", "id").iterator(5000)
    for row in [*rows, None]:
        if group and (row is None or (row["user_id"], row["problem_id"]) != (group[0]["user_id"], group[0]["problem_id"])):
            key = (group[0]["user_id"], group[0]["problem_id"])
            fields = _summarise(rules=problems[key[1]], rows=group, learning=learning.get(key, Learning()))
            results.append(BestResult(user_id=group[0]["user_id"], problem_id=group[0]["problem_id"], **fields))
            group = []
        if row is not None:
            group.append(row)
    since = (now or timezone.now()) - scoring.WINDOW
    with transaction.atomic():
        BestResult.objects.all().delete()
        BestResult.objects.bulk_create(results, batch_size=2000)
        standings = _rebuild_scopes(rows=({"user_id": r.user_id, "problem_id": r.problem_id, "points": r.points,
                                           "solved": r.solved, "achieved_at": r.achieved_at}
                                          for r in results if r.points > 0), only=None, since=since)
        Standing.objects.all().delete()
        Standing.objects.bulk_create(standings, batch_size=2000)
        revisions_bump(names=[Revision.REBUILD])   # part of every key: every cached page goes
    logger.info("leaderboards rebuilt: %d best results, %d standings", len(results), len(standings))
    return len(results), len(standings)


def private_ranking_reveal(*, problem: Problem, now: datetime | None = None) -> bool:
    """Staff close a scored problem's competition: from now on everyone sees the private ranking. False if it was
    already revealed (an earlier reveal date is kept)."""
    now = now or timezone.now()
    return Problem.objects.filter(Q(private_revealed_at__isnull=True) | Q(private_revealed_at__gt=now),
                                  pk=problem.pk, kind=Kind.SCORED).update(private_revealed_at=now) == 1
