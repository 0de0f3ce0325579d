"""Cohorts: creating them, inviting (the user accepts or declines), joining by link, leaving, and the log of
who saw whose code."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from mljudge.core.refusals import Reason, Refused
from mljudge.submissions.models import Submission

from .models import AccessVia, CodeAccess, Cohort, CohortRole, Membership, MembershipStatus, new_invite_token
from .selectors import access_via, can_create_cohorts, cohort_by_token, cohort_for_instructor

# Reloads and the live-status polling of one page are one view, not dozens of rows on the owner's page.
ACCESS_LOG_QUIET = timedelta(minutes=10)


class CohortRefused(Refused):
    """The request cannot be done; core.refusals has the reasons."""


@transaction.atomic
def cohort_create(*, instructor: AbstractBaseUser, name: str) -> Cohort:
    if not can_create_cohorts(user=instructor):
        raise PermissionDenied("Only instructors create cohorts.")
    name = name.strip()[:120]
    if not name:
        raise CohortRefused(Reason.COHORT_UNNAMED)
    cohort = Cohort.objects.create(name=name, created_by=instructor)
    Membership.objects.create(cohort=cohort, user=instructor, role=CohortRole.INSTRUCTOR,
                              status=MembershipStatus.ACCEPTED, accepted_at=timezone.now())
    return cohort


@dataclass
class InviteResult:
    invited: list[str]
    already: list[str]      # invited before, or in the cohort
    unknown: list[str]


@transaction.atomic
def cohort_invite_usernames(*, instructor: AbstractBaseUser, cohort_id: int, usernames: list[str],
                            role: CohortRole = CohortRole.MEMBER) -> InviteResult:
    """Invites existing accounts by username: each gets a pending invitation that grants nothing until they
    accept it. Unknown names are reported, never created."""
    cohort = cohort_for_instructor(user=instructor, cohort_id=cohort_id)
    result = InviteResult(invited=[], already=[], unknown=[])
    wanted = {n.strip().lower(): n.strip() for n in reversed(usernames) if n.strip()}  # first spelling wins
    for raw in reversed(list(wanted.values())):
        user = get_user_model().objects.filter(username__iexact=raw).first()
        if user is None:
            result.unknown.append(raw)
            continue
        _, created = Membership.objects.get_or_create(cohort=cohort, user=user, defaults={
            "role": role, "status": MembershipStatus.INVITED, "invited_by": instructor})
        (result.invited if created else result.already).append(user.username)
    return result


@transaction.atomic
def cohort_join(*, user: AbstractBaseUser, token: str, share_past: bool = False) -> Cohort:
    """Joins by invite link: the user's own act, so accepted at once (a pending invitation to the same cohort
    is accepted by it). Joining twice is harmless; an instructor stays an instructor."""
    cohort = cohort_by_token(token=token)
    _, created = Membership.objects.get_or_create(cohort=cohort, user=user, defaults={
        "role": CohortRole.MEMBER, "status": MembershipStatus.ACCEPTED, "accepted_at": timezone.now(),
        "share_past": share_past})
    if not created:
        _accept(user=user, cohort_id=cohort.id, share_past=share_past)
    return cohort


def _accept(*, user: AbstractBaseUser, cohort_id: int, share_past: bool) -> bool:
    return Membership.objects.filter(user=user, cohort_id=cohort_id, status=MembershipStatus.INVITED).update(
        status=MembershipStatus.ACCEPTED, accepted_at=timezone.now(), share_past=share_past) == 1


def invitation_accept(*, user: AbstractBaseUser, cohort_id: int, share_past: bool) -> None:
    """The invited user agrees: the cohort's instructors see their work from now on (and earlier work too
    with share_past). Accepting twice changes nothing; Http404 when there is no invitation (withdrawn,
    declined, or never made)."""
    if _accept(user=user, cohort_id=cohort_id, share_past=share_past):
        return
    if not Membership.objects.filter(user=user, cohort_id=cohort_id, status=MembershipStatus.ACCEPTED).exists():
        raise Http404("No such invitation")


def membership_share_past_set(*, user: AbstractBaseUser, cohort_id: int, share_past: bool) -> None:
    """Turns sharing of work from before accepting on or off; the instructors' view follows at once."""
    changed = Membership.objects.filter(user=user, cohort_id=cohort_id, status=MembershipStatus.ACCEPTED).update(
        share_past=share_past)
    if not changed:
        raise Http404("No such membership")


@transaction.atomic
def membership_leave(*, user: AbstractBaseUser, cohort_id: int) -> None:
    """Leaves a cohort, or declines an invitation to it: the row goes, and with it every access it gave.
    An instructor may leave only while another (accepted) instructor stays, so a cohort is never orphaned."""
    # Locking the cohort serialises two instructors leaving at once (each would otherwise see the other).
    cohort = Cohort.objects.select_for_update().filter(id=cohort_id).first()
    membership = Membership.objects.filter(user=user, cohort=cohort).first() if cohort else None
    if membership is None:
        raise Http404("No such membership")
    if membership.role == CohortRole.INSTRUCTOR and membership.status == MembershipStatus.ACCEPTED:
        others = Membership.objects.filter(cohort=cohort, role=CohortRole.INSTRUCTOR,
                                           status=MembershipStatus.ACCEPTED).exclude(user=user)
        if not others.exists():
            raise CohortRefused(Reason.ONLY_INSTRUCTOR)
    membership.delete()


def cohort_rotate_token(*, instructor: AbstractBaseUser, cohort_id: int) -> str:
    cohort = cohort_for_instructor(user=instructor, cohort_id=cohort_id)
    token = new_invite_token()
    Cohort.objects.filter(id=cohort.id).update(invite_token=token)
    return token


def cohort_remove_member(*, instructor: AbstractBaseUser, cohort_id: int, user_id: int) -> bool:
    """Removes a member, or withdraws a pending invitation."""
    cohort = cohort_for_instructor(user=instructor, cohort_id=cohort_id)
    return Membership.objects.filter(cohort=cohort, user_id=user_id, role=CohortRole.MEMBER).delete()[0] == 1


@dataclass(frozen=True)
class ExportRow:
    username: str
    display_name: str
    scores: dict[str, float | None]   # problem slug -> best effective score (None: no graded attempt)


@dataclass(frozen=True)
class CohortExport:
    """A cohort's best score per problem per member: the one table the CSV and the API's JSON both render."""

    cohort: Cohort
    problems: list[str]   # slugs, sorted
    rows: list[ExportRow]


def cohort_export(*, instructor: AbstractBaseUser, cohort_id: int) -> CohortExport:
    from .selectors import cohort_best_scores

    cohort = cohort_for_instructor(user=instructor, cohort_id=cohort_id)
    members, problems, best = cohort_best_scores(cohort=cohort)
    rows = []
    for member in members:
        profile = getattr(member, "profile", None)
        rows.append(ExportRow(username=member.username, display_name=profile.display_name if profile else "",
                              scores={p.slug: best.get((member.id, p.id)) for p in problems}))
    return CohortExport(cohort=cohort, problems=[p.slug for p in problems], rows=rows)


def cohort_export_csv(*, instructor: AbstractBaseUser, cohort_id: int, out) -> None:
    """Writes the cohort's best score per problem per member as CSV (one row per member) to `out`."""
    import csv

    export = cohort_export(instructor=instructor, cohort_id=cohort_id)
    writer = csv.writer(out)
    writer.writerow(["username", "display_name", *export.problems])
    for row in export.rows:
        # A leading =, +, - or @ would be a formula in a spreadsheet: quote it as text.
        safe = [("'" + v if v and v[0] in "=+-@" else v) for v in (row.username, row.display_name)]
        scores = [row.scores[slug] for slug in export.problems]
        writer.writerow([*safe, *["" if s is None else f"{s:.6g}" for s in scores]])


def code_access_record(*, viewer: AbstractBaseUser, submission: Submission,
                       via: AccessVia | None = None) -> CodeAccess | None:
    """Notes that the viewer saw another user's submission, for its owner's "who can see my code" page.
    `via` defaults to the viewer's right to it (cohorts.selectors.access_via); the owner's own views and
    repeats of the same view within ACCESS_LOG_QUIET write nothing. Called by every page that shows a
    submission's code or report to someone who may not be its owner."""
    if viewer.pk == submission.user_id:
        return None
    via = via or access_via(viewer=viewer, submission=submission)
    if via is None:
        return None
    recent = CodeAccess.objects.filter(viewer=viewer, submission=submission, via=via,
                                       at__gte=timezone.now() - ACCESS_LOG_QUIET)
    if recent.exists():
        return None
    return CodeAccess.objects.create(viewer=viewer, owner_id=submission.user_id, submission=submission, via=via)
