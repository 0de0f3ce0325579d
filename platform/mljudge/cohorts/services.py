"""Cohorts: creating them, inviting and joining."""
from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction

from .models import Cohort, CohortRole, Membership, new_invite_token
from .selectors import can_create_cohorts, cohort_by_token, cohort_for_instructor


@transaction.atomic
def cohort_create(*, instructor: AbstractBaseUser, name: str) -> Cohort:
    if not can_create_cohorts(user=instructor):
        raise PermissionDenied("Only instructors create cohorts.")
    name = name.strip()[:120]
    if not name:
        raise ValueError("A cohort needs a name.")
    cohort = Cohort.objects.create(name=name, created_by=instructor)
    Membership.objects.create(cohort=cohort, user=instructor, role=CohortRole.INSTRUCTOR)
    return cohort


@dataclass
class InviteResult:
    added: list[str]
    already: list[str]
    unknown: list[str]


@transaction.atomic
def cohort_invite_usernames(*, instructor: AbstractBaseUser, cohort_id: int, usernames: list[str],
                            role: CohortRole = CohortRole.MEMBER) -> InviteResult:
    """Adds existing accounts by username; unknown names are reported, never created."""
    cohort = cohort_for_instructor(user=instructor, cohort_id=cohort_id)
    result = InviteResult(added=[], already=[], unknown=[])
    wanted = {n.strip().lower(): n.strip() for n in reversed(usernames) if n.strip()}  # first spelling wins
    for raw in reversed(list(wanted.values())):
        user = get_user_model().objects.filter(username__iexact=raw).first()
        if user is None:
            result.unknown.append(raw)
            continue
        _, created = Membership.objects.get_or_create(cohort=cohort, user=user, defaults={"role": role})
        (result.added if created else result.already).append(user.username)
    return result


@transaction.atomic
def cohort_join(*, user: AbstractBaseUser, token: str) -> Cohort:
    """Joins by invite link as a member. Joining twice is harmless; an instructor stays an instructor."""
    cohort = cohort_by_token(token=token)
    Membership.objects.get_or_create(cohort=cohort, user=user, defaults={"role": CohortRole.MEMBER})
    return cohort


def cohort_rotate_token(*, instructor: AbstractBaseUser, cohort_id: int) -> str:
    cohort = cohort_for_instructor(user=instructor, cohort_id=cohort_id)
    token = new_invite_token()
    Cohort.objects.filter(id=cohort.id).update(invite_token=token)
    return token


def cohort_remove_member(*, instructor: AbstractBaseUser, cohort_id: int, user_id: int) -> bool:
    cohort = cohort_for_instructor(user=instructor, cohort_id=cohort_id)
    return Membership.objects.filter(cohort=cohort, user_id=user_id, role=CohortRole.MEMBER).delete()[0] == 1


def cohort_export_csv(*, instructor: AbstractBaseUser, cohort_id: int, out) -> None:
    """Writes the cohort's best score per problem per member as CSV (one row per member) to `out`."""
    import csv

    from .selectors import cohort_best_scores

    cohort = cohort_for_instructor(user=instructor, cohort_id=cohort_id)
    members, problems, best = cohort_best_scores(cohort=cohort)
    writer = csv.writer(out)
    writer.writerow(["username", "display_name", *[p.slug for p in problems]])
    for member in members:
        profile = getattr(member, "profile", None)
        name = profile.display_name if profile else ""
        # A leading =, +, - or @ would be a formula in a spreadsheet: quote it as text.
        safe = [("'" + v if v and v[0] in "=+-@" else v) for v in (member.username, name)]
        scores = [best.get((member.id, p.id)) for p in problems]
        writer.writerow([*safe, *["" if s is None else f"{s:.6g}" for s in scores]])
