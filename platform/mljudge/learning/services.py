"""Writes of the learning features: revealing a hint, giving up (the editorial opened unsolved), recording that a
solve opened the editorial, and storing the study plans at sync. Each write that can change a leaderboard's points
recomputes the user's BestResult in the same transaction (which bumps the cached pages' revisions)."""
from __future__ import annotations

from collections.abc import Iterable

import grader.plans
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from mljudge.core.refusals import Reason, Refused
from mljudge.problemset.models import Problem

from .models import EditorialUnlock, HintReveal, PlanStep, StudyPlan, UnlockReason
from .selectors import locked_by_mock, solved_visibly


def _points_changed(*, user_id: int, problem_id: int) -> None:
    from mljudge.leaderboards.models import BestResult
    from mljudge.leaderboards.services import best_result_recompute

    if BestResult.objects.filter(user_id=user_id, problem_id=problem_id).exists():
        best_result_recompute(user_id=user_id, problem_id=problem_id)


def _not_in_a_mock(user: AbstractBaseUser) -> None:
    """Hints and editorials are locked while the user's mock interview runs (learning.selectors.locked_by_mock)."""
    if locked_by_mock(user=user):
        raise Refused(Reason.LOCKED_IN_MOCK)


def hint_reveal_next(*, user: AbstractBaseUser, problem: Problem) -> HintReveal:
    """Reveals the user's next hint of the problem (hints open strictly in order). A double click reveals one
    hint, not two: the second request finds the index taken and returns the same row."""
    _not_in_a_mock(user)
    total = len(problem.hints_html or [])
    with transaction.atomic():
        index = HintReveal.objects.filter(user=user, problem=problem).count()
        if index >= total:
            raise Refused(Reason.NO_MORE_HINTS, total=total)
        try:
            with transaction.atomic():
                reveal = HintReveal.objects.create(user=user, problem=problem, index=index,
                                                   revealed_at=timezone.now())
        except IntegrityError:  # a concurrent request revealed it first
            return HintReveal.objects.get(user=user, problem=problem, index=index)
        _points_changed(user_id=user.pk, problem_id=problem.pk)
    return reveal


def editorial_give_up(*, user: AbstractBaseUser, problem: Problem) -> EditorialUnlock:
    """Opens the editorial before solving: a forfeit (leaderboards.scoring.is_forfeit). An editorial already
    open (solved, or given up before) stays as it was."""
    _not_in_a_mock(user)
    with transaction.atomic():
        unlock, created = EditorialUnlock.objects.get_or_create(
            user=user, problem=problem, defaults={"reason": UnlockReason.GAVE_UP, "unlocked_at": timezone.now()})
        if created:
            _points_changed(user_id=user.pk, problem_id=problem.pk)
    return unlock


def editorial_unlock_on_solve(*, user_id: int, problem_id: int) -> bool:
    """In the transaction that stores an accepted grade (or publishes a design answer's grade): the editorial
    opens, recorded as earned. Giving up earlier stays the recorded reason. Only a solve the user may see opens
    it: while an assignment hides the result (learning.selectors.solved_visibly) nothing happens, and
    assessments.services.results_record calls this again when the hiding ends. True when it is open."""
    if not solved_visibly(user_id=user_id, problem_id=problem_id):
        return EditorialUnlock.objects.filter(user_id=user_id, problem_id=problem_id).exists()
    EditorialUnlock.objects.get_or_create(user_id=user_id, problem_id=problem_id,
                                          defaults={"reason": UnlockReason.ACCEPTED, "unlocked_at": timezone.now()})
    return True


def plans_store(*, plans: Iterable[grader.plans.Plan]) -> dict[str, list[str]]:
    """Replaces the stored study plans with these; returns plan slug -> the problem slugs skipped because the
    catalogue has no active problem of that name. Plans no longer in the folder are removed."""
    plans = list(plans)
    skipped: dict[str, list[str]] = {}
    problems = dict(Problem.objects.filter(is_active=True).values_list("slug", "id"))
    with transaction.atomic():
        StudyPlan.objects.exclude(slug__in=[p.slug for p in plans]).delete()
        for plan in plans:
            row, _ = StudyPlan.objects.update_or_create(slug=plan.slug, defaults={
                "title": plan.title, "position": plan.position, "summary": plan.summary})
            row.steps.all().delete()
            known = [s for s in plan.steps if s.problem in problems]
            PlanStep.objects.bulk_create([PlanStep(plan=row, problem_id=problems[s.problem], position=n, why=s.why)
                                          for n, s in enumerate(known, 1)])
            missing = [s.problem for s in plan.steps if s.problem not in problems]
            if missing:
                skipped[plan.slug] = missing
    return skipped
