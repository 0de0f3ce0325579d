from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from mljudge.accounts.models import Role
from mljudge.problemset.models import Problem


def is_author(*, user: AbstractBaseUser) -> bool:
    return user.is_authenticated and (user.is_staff or user.groups.filter(name__in=[Role.AUTHOR, Role.STAFF]).exists())


def require_author(*, user: AbstractBaseUser) -> None:
    if not is_author(user=user):
        raise PermissionDenied


def drafts() -> QuerySet[Problem]:
    return Problem.objects.filter(is_draft=True).order_by("slug")


def draft_by_slug(*, slug: str) -> Problem:
    problem = Problem.objects.filter(slug=slug, is_draft=True).prefetch_related("topics").first()
    if problem is None:
        raise Http404("No such draft")
    return problem
