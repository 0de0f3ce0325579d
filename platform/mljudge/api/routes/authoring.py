"""Problem syncs over the API, for authors: start one (queued; a worker on the rejudge queue runs it) and follow
it. The authors' page's permission (authoring.selectors.require_author) and rate limit ("authoring-sync") apply."""

from datetime import datetime

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Router, Schema, Status
from pydantic import StrictBool

from mljudge.api.auth import rate_limited, scoped
from mljudge.api.models import Scope
from mljudge.authoring import selectors, services

router = Router(tags=["authors"])
AUTHOR = scoped(Scope.AUTHOR)


class SyncIn(Schema):
    sandbox_check: StrictBool = Field(False, description="Also run every reference, starter and wrong solution "
                                                         "in the sandbox (slower).")


class SyncStarted(Schema):
    id: int
    status: str
    url: str
    created: bool = Field(description="false: a sync was already queued or running; this is that one.")


class SyncOut(Schema):
    id: int
    status: str = Field(description="queued, running, done or failed.")
    final: bool
    sandbox_check: bool
    requested_by: str | None
    requested_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    progress: str = Field(description="The folder being synced, e.g. \"softmax (3/25)\".")
    error: str
    report: dict | None = Field(description="{ok, outcomes, invalid, drafts, rejudged, checks_failed}.")


def _url(run_id: int) -> str:
    return reverse("api-v1:sync_run", kwargs={"run_id": run_id})


@router.post("/authoring/syncs", response={202: SyncStarted}, auth=AUTHOR,
             summary="Sync problems/ into the catalogue (one sync at a time per site)")
def sync_start(request: HttpRequest, payload: SyncIn):
    selectors.require_author(user=request.user)
    rate_limited("authoring-sync", request)
    run, created = services.sync_run_request(user=request.user, root=settings.MLJUDGE_PROBLEMS_DIR,
                                             sandbox_check=payload.sandbox_check)
    return Status(202, {"id": run.id, "status": run.status, "url": _url(run.id), "created": created})


@router.get("/authoring/syncs/{int:run_id}", response=SyncOut, auth=AUTHOR, url_name="sync_run",
            summary="A sync's status, progress, report summary and error")
def sync_get(request: HttpRequest, run_id: int):
    selectors.require_author(user=request.user)
    run = selectors.sync_run_by_id(run_id=run_id)
    return {"id": run.id, "status": run.status, "final": run.is_final, "sandbox_check": run.sandbox_check,
            "requested_by": run.requested_by.username if run.requested_by else None,
            "requested_at": run.requested_at, "started_at": run.started_at, "finished_at": run.finished_at,
            "progress": run.progress, "error": run.error, "report": selectors.sync_report_summary(run=run)}
