"""Who may see what. An instructor reviews the submissions of the members of the cohorts they instruct, and
only what each member agreed to: from the moment the member accepted (or all of it, if they chose to share
their earlier work). Staff (and holders of submissions.view_all_submissions) see everyone's; those views are
logged for the owner to see (cohorts.services.code_access_record)."""
from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from mljudge.accounts.models import Role
from mljudge.submissions.models import Submission
from mljudge.submissions.selectors import can_view_all_submissions

from .models import AccessVia, CodeAccess, Cohort, CohortRole, Membership, MembershipStatus

ACCESS_LOG_SHOWN = 200   # the owner's page lists this many of the latest views of their code


def can_create_cohorts(*, user: AbstractBaseUser) -> bool:
    return user.is_authenticated and (user.is_staff or user.groups.filter(name=Role.INSTRUCTOR).exists())


def _accepted(role: CohortRole) -> QuerySet[Membership]:
    return Membership.objects.filter(role=role, status=MembershipStatus.ACCEPTED)


def _instructing(*, user: AbstractBaseUser) -> QuerySet[Membership]:
    """The user's accepted instructor memberships (a pending invitation to instruct grants nothing)."""
    return _accepted(CohortRole.INSTRUCTOR).filter(user=user)


def cohorts_instructed_by(*, user: AbstractBaseUser) -> QuerySet[Cohort]:
    if not user.is_authenticated:
        return Cohort.objects.none()
    qs = Cohort.objects.annotate(members=Count("memberships", filter=Q(
        memberships__role=CohortRole.MEMBER, memberships__status=MembershipStatus.ACCEPTED)))
    if can_view_all_submissions(user=user):
        return qs
    return qs.filter(id__in=_instructing(user=user).values("cohort_id"))


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
    """Members who accepted; invited users are not members yet."""
    return get_user_model().objects.filter(
        id__in=_accepted(CohortRole.MEMBER).filter(cohort=cohort).values("user_id")
    ).select_related("profile").order_by("username")


def cohort_instructors(*, cohort: Cohort) -> QuerySet:
    return get_user_model().objects.filter(
        id__in=_accepted(CohortRole.INSTRUCTOR).filter(cohort=cohort).values("user_id")).order_by("username")


def cohort_roster(*, cohort: Cohort) -> QuerySet[Membership]:
    """Accepted memberships, instructors and members, each with its user (and profile)."""
    return (Membership.objects.filter(cohort=cohort, status=MembershipStatus.ACCEPTED)
            .select_related("user", "user__profile").order_by("role", "user__username"))


def cohort_invitations(*, cohort: Cohort) -> QuerySet[Membership]:
    """Invitations the cohort's users have not answered yet."""
    return (Membership.objects.filter(cohort=cohort, status=MembershipStatus.INVITED)
            .select_related("user", "user__profile", "invited_by").order_by("user__username"))


def memberships_of(*, user: AbstractBaseUser) -> QuerySet[Membership]:
    """The user's accepted memberships, each cohort with its accepted instructors (`cohort.instructor_rows`)."""
    instructors = _accepted(CohortRole.INSTRUCTOR).select_related("user").order_by("user__username")
    return (Membership.objects.filter(user=user, status=MembershipStatus.ACCEPTED).select_related("cohort")
            .prefetch_related(Prefetch("cohort__memberships", queryset=instructors, to_attr="instructor_rows"))
            .order_by("cohort__name", "cohort_id"))


def invitations_for(*, user: AbstractBaseUser) -> QuerySet[Membership]:
    return (Membership.objects.filter(user=user, status=MembershipStatus.INVITED)
            .select_related("cohort", "invited_by").order_by("joined_at", "id"))


def pending_invitation_count(*, user: AbstractBaseUser) -> int:
    if not user.is_authenticated:
        return 0
    return Membership.objects.filter(user=user, status=MembershipStatus.INVITED).count()


def is_reviewer(*, user: AbstractBaseUser) -> bool:
    return can_view_all_submissions(user=user) or (user.is_authenticated and _instructing(user=user).exists())


def _shared_through(memberships: QuerySet[Membership]) -> Exists:
    """THE rule of reviewer access, for a Submission queryset: the submission's author is an accepted member
    of one of these memberships' cohorts, and made it after accepting, or agreed to share earlier work."""
    return Exists(memberships.filter(user_id=OuterRef("user_id"), role=CohortRole.MEMBER,
                                     status=MembershipStatus.ACCEPTED)
                  .filter(Q(share_past=True) | Q(accepted_at__lte=OuterRef("created_at"))))


def cohort_submissions(*, cohort: Cohort) -> QuerySet[Submission]:
    """What the cohort's members share with it. Callers have checked the viewer instructs the cohort."""
    return Submission.objects.filter(_shared_through(Membership.objects.filter(cohort=cohort)))


def reviewable_submissions(*, viewer: AbstractBaseUser, cohort: Cohort | None = None) -> QuerySet[Submission]:
    """Every submission the viewer may review: staff all, an instructor what their cohorts' members share.
    With a cohort, what its members share with it (Http404 if the viewer does not instruct it) — for staff
    too: a cohort's pages show the cohort's agreement, staff rights are the unfiltered view."""
    qs = Submission.objects.select_related("problem", "user", "user__profile")
    if cohort is not None:
        cohort = cohort_for_instructor(user=viewer, cohort_id=cohort.id)
        return qs.filter(_shared_through(Membership.objects.filter(cohort=cohort)))
    if can_view_all_submissions(user=viewer):
        return qs
    if not viewer.is_authenticated:
        return qs.none()
    return qs.filter(_shared_through(Membership.objects.filter(
        cohort_id__in=_instructing(user=viewer).values("cohort_id"))))


def submission_for_reviewer(*, viewer: AbstractBaseUser, submission_id: int) -> Submission:
    submission = reviewable_submissions(viewer=viewer).filter(id=submission_id).first()
    if submission is None:
        raise Http404("No such submission")
    return submission


def access_via(*, viewer: AbstractBaseUser, submission: Submission) -> AccessVia | None:
    """How the viewer may see another user's submission: as its cohort's instructor, else with staff rights;
    None for the owner and for anyone with no right to it."""
    if not viewer.is_authenticated or viewer.pk == submission.user_id:
        return None
    as_reviewer = Submission.objects.filter(id=submission.id).filter(_shared_through(Membership.objects.filter(
        cohort_id__in=_instructing(user=viewer).values("cohort_id"))))
    if as_reviewer.exists():
        return AccessVia.REVIEWER
    return AccessVia.STAFF if can_view_all_submissions(user=viewer) else None


def code_accesses_of(*, owner: AbstractBaseUser) -> list[CodeAccess]:
    return list(CodeAccess.objects.filter(owner=owner).select_related("viewer", "submission__problem")
                [:ACCESS_LOG_SHOWN])


@dataclass(frozen=True)
class MyCodeAccess:
    """Everything the "who can see my code" page shows."""

    invitations: list[Membership]
    memberships: list[Membership]
    log: list[CodeAccess]


def my_code_access(*, user: AbstractBaseUser) -> MyCodeAccess:
    return MyCodeAccess(invitations=list(invitations_for(user=user)), memberships=list(memberships_of(user=user)),
                        log=code_accesses_of(owner=user))


def cohort_best_scores(*, cohort: Cohort) -> tuple[list, list, dict]:
    """(members, problems attempted by any member, {(user_id, problem_id): best effective score}), counting
    only what each member shares with the cohort. The effective score is the instructor's override when
    there is one; runs of public examples do not count."""
    from django.db.models import Max
    from django.db.models.functions import Coalesce

    from mljudge.problemset.models import Problem
    from mljudge.submissions.models import Mode, Status

    members = list(cohort_members(cohort=cohort))
    rows = (cohort_submissions(cohort=cohort).filter(mode__in=[Mode.SUBMIT, Mode.DESIGN], status=Status.GRADED)
            .values("user_id", "problem_id").annotate(best=Max(Coalesce("score_override", "score"))))
    best = {(r["user_id"], r["problem_id"]): r["best"] for r in rows}
    problems = list(Problem.objects.filter(id__in={p for _, p in best}).order_by("slug"))
    return members, problems, best
