from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from mljudge.accounts.models import Role
from mljudge.grading.problems import problem_folder_names
from mljudge.problemset.models import Problem

from .models import ACTIVE_STATUSES, SyncRun

SYNC_HISTORY = 20   # runs listed on the sync page


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


def sync_run_by_id(*, run_id: int) -> SyncRun:
    run = SyncRun.objects.select_related("requested_by").filter(id=run_id).first()
    if run is None:
        raise Http404("No such sync run")
    return run


def sync_run_active() -> SyncRun | None:
    """The queued or running run, if any (there is at most one: SyncRun's constraint)."""
    return SyncRun.objects.filter(status__in=ACTIVE_STATUSES).select_related("requested_by").first()


def sync_runs_recent(*, limit: int = SYNC_HISTORY) -> list[SyncRun]:
    return list(SyncRun.objects.select_related("requested_by").order_by("-id")[:limit])


def sync_folder_choices(*, root: Path) -> list[str]:
    return problem_folder_names(root=root)


def sync_report_summary(*, run: SyncRun) -> dict | None:
    """What a run's report says in short (the API's): per problem its outcome and the submissions queued for
    rejudging, the invalid folders with their errors, drafts, and the failed sandbox-check rows per folder."""
    report = run.report
    if not report:
        return None
    return {
        "ok": not report.get("invalid"),
        "outcomes": report.get("outcomes", {}), "invalid": report.get("invalid", {}),
        "drafts": report.get("drafts", []), "rejudged": report.get("rejudged", {}),
        "checks_failed": {name: [row for row in rows if not row.get("ok")]
                          for name, rows in report.get("checks", {}).items()},
    }
