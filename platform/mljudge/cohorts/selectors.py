"""Who may see what. An instructor reviews the submissions of the members of the cohorts they instruct;
staff (and holders of submissions.view_all_submissions) see everyone's."""
from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from mljudge.accounts.models import Role
from mljudge.submissions.models import Submission
from mljudge.submissions.selectors import can_view_all_submissions

from .models import Cohort, CohortRole, Membership


def can_create_cohorts(*, user: AbstractBaseUser) -> bool:
    return user.is_authenticated and (user.is_staff or user.groups.filter(name=Role.INSTRUCTOR).exists())


def cohorts_instructed_by(*, user: AbstractBaseUser) -> QuerySet[Cohort]:
    if not user.is_authenticated:
        return Cohort.objects.none()
    qs = Cohort.objects.annotate(members=Count("memberships", filter=Q(memberships__role=CohortRole.MEMBER)))
    if can_view_all_submissions(user=user):
        return qs
    return qs.filter(memberships__user=user, memberships__role=CohortRole.INSTRUCTOR)


def cohort_for_instructor(*, user: AbstractBaseUser, cohort_id: int) -> Cohort:
    """The cohort, or Http404 if the user does not instruct it (ids of others' cohorts are not confirmed)."""
    cohort = cohorts_instructed_by(user=user).filter(id=cohort_id).first()
    if cohort is None:
        raise Http404("No such cohort")
    return cohort


def cohort_by_token(*, token: str) -> Cohort:
    cohort = Cohort.objects.filter(invite_token=token).first() if token else None
    if cohort is None:
        raise Http404("This invite link is not valid (it may have been replaced by a new one).")
    return cohort


def cohort_members(*, cohort: Cohort) -> QuerySet:
    return get_user_model().objects.filter(cohort_memberships__cohort=cohort,
                                           cohort_memberships__role=CohortRole.MEMBER).order_by("username")


def cohort_instructors(*, cohort: Cohort) -> QuerySet:
    return get_user_model().objects.filter(cohort_memberships__cohort=cohort,
                                           cohort_memberships__role=CohortRole.INSTRUCTOR).order_by("username")


def memberships_of(*, user: AbstractBaseUser) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("cohort")


def is_reviewer(*, user: AbstractBaseUser) -> bool:
    return can_view_all_submissions(user=user) or (
        user.is_authenticated and Membership.objects.filter(user=user, role=CohortRole.INSTRUCTOR).exists())


def reviewable_submissions(*, viewer: AbstractBaseUser, cohort: Cohort | None = None) -> QuerySet[Submission]:
    """Every submission the viewer may review: staff all, an instructor their cohorts' members' only.
    With a cohort, only that cohort's members' (Http404 if the viewer does not instruct it)."""
    qs = Submission.objects.select_related("problem", "user", "user__profile")
    if cohort is not None:
        cohort = cohort_for_instructor(user=viewer, cohort_id=cohort.id)
        return qs.filter(user__in=cohort_members(cohort=cohort).values("id"))
    if can_view_all_submissions(user=viewer):
        return qs
    if not viewer.is_authenticated:
        return qs.none()
    taught = Membership.objects.filter(user=viewer, role=CohortRole.INSTRUCTOR).values("cohort_id")
    students = Membership.objects.filter(cohort_id__in=taught, role=CohortRole.MEMBER).values("user_id")
    return qs.filter(user_id__in=students)


def submission_for_reviewer(*, viewer: AbstractBaseUser, submission_id: int) -> Submission:
    submission = reviewable_submissions(viewer=viewer).filter(id=submission_id).first()
    if submission is None:
        raise Http404("No such submission")
    return submission


def cohort_best_scores(*, cohort: Cohort) -> tuple[list, list, dict]:
    """(members, problems attempted by any member, {(user_id, problem_id): best effective score}). The
    effective score is the instructor's override when there is one; runs of public examples do not count."""
    from django.db.models import Max
    from django.db.models.functions import Coalesce

    from mljudge.problemset.models import Problem
    from mljudge.submissions.models import Mode, Status

    members = list(cohort_members(cohort=cohort))
    rows = (Submission.objects.filter(user__in=[m.id for m in members], mode__in=[Mode.SUBMIT, Mode.DESIGN],
                                      status=Status.GRADED)
            .values("user_id", "problem_id").annotate(best=Max(Coalesce("score_override", "score"))))
    best = {(r["user_id"], r["problem_id"]): r["best"] for r in rows}
    problems = list(Problem.objects.filter(id__in={p for _, p in best}).order_by("slug"))
    return members, problems, best
