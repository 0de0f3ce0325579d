"""Sync runs: the one owner of SyncRun.status. A web request only queues a run; the sync itself (and the
sandbox check, which builds a SandboxPool) runs in a Celery worker on the rejudge queue, or in-process for
`manage.py sync_problems`. Every status change is a conditional UPDATE here."""
from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from mljudge.grading.problems import problems_sync

from . import selectors
from .models import SyncRun, SyncStatus

logger = logging.getLogger("mljudge.authoring")


def sync_run_request(*, user: AbstractBaseUser | None, root: Path, sandbox_check: bool = False,
                     draft: bool = False, folders: Sequence[str] = (), enqueue: bool = True) -> tuple[SyncRun, bool]:
    """Creates a queued run (and, with enqueue, queues its task on commit), or returns the active run
    unchanged with created=False: one run at a time per site, enforced by SyncRun's partial unique index."""
    from .tasks import sync_run_task

    sync_runs_fail_stale()
    for _ in range(3):
        try:
            with transaction.atomic():
                run = SyncRun.objects.create(requested_by=user, root=str(root), sandbox_check=sandbox_check,
                                             draft=draft, folders=sorted(set(folders)))
        except IntegrityError:
            active = selectors.sync_run_active()
            if active is not None:
                return active, False
            continue  # it finished between our insert and our read: try again
        if enqueue:
            sync_run_task.delay_on_commit(run.id)
        return run, True
    raise RuntimeError("could not queue a sync run")  # three races lost in a row: not expected in practice


def sync_run_execute(*, run_id: int) -> SyncRun | None:
    """Claims a queued run (queued → running), syncs, stores the report (→ done) or the error (→ failed).
    Returns None when the run was not queued: a re-delivered task, or a run already failed as stale."""
    now = timezone.now()
    if SyncRun.objects.filter(id=run_id, status=SyncStatus.QUEUED).update(
            status=SyncStatus.RUNNING, started_at=now, progress_at=now) != 1:
        return None
    run = SyncRun.objects.get(id=run_id)

    def heartbeat(n: int, total: int, name: str) -> None:
        SyncRun.objects.filter(id=run_id, status=SyncStatus.RUNNING).update(
            progress=f"{name} ({n}/{total})"[:200], progress_at=timezone.now())

    try:
        report = problems_sync(root=Path(run.root), sandbox_check=run.sandbox_check, draft=run.draft,
                               only=run.folders, on_folder=heartbeat)
    except Exception as exc:  # the sandbox engine went away, a database error...: say so on the page
        logger.exception("sync run %s failed", run_id)
        _finish(run_id=run_id, status=SyncStatus.FAILED, error=f"{type(exc).__name__}: {exc}")
    else:
        _finish(run_id=run_id, status=SyncStatus.DONE, report=report.as_json())
    return SyncRun.objects.get(id=run_id)


def _finish(*, run_id: int, status: SyncStatus, **fields) -> None:
    if SyncRun.objects.filter(id=run_id, status=SyncStatus.RUNNING).update(
            status=status, finished_at=timezone.now(), **fields) != 1:
        # Failed as stale meanwhile (no progress for MLJUDGE_SYNC_STALE_AFTER_S): that verdict stands.
        logger.warning("sync run %s was no longer running when it finished", run_id)


def sync_runs_fail_stale() -> int:
    """Fails runs that show no sign of life for MLJUDGE_SYNC_STALE_AFTER_S: running with no progress (the
    worker died mid-run; a re-delivered task cannot claim it) or still queued (no rejudge worker took it).
    Called before each new run is requested and by the beat task authoring.tasks.sync_runs_sweep."""
    now = timezone.now()
    after = settings.MLJUDGE_SYNC_STALE_AFTER_S
    cutoff = now - timedelta(seconds=after)
    minutes = -(-after // 60)
    running = SyncRun.objects.filter(status=SyncStatus.RUNNING, progress_at__lt=cutoff).update(
        status=SyncStatus.FAILED, finished_at=now,
        error=f"no progress for {minutes} minute(s): the worker running it stopped")
    queued = SyncRun.objects.filter(status=SyncStatus.QUEUED, requested_at__lt=cutoff).update(
        status=SyncStatus.FAILED, finished_at=now,
        error=f"not started within {minutes} minute(s): is the rejudge worker running?")
    if running or queued:
        logger.warning("sync runs failed as stale: %d running, %d queued", running, queued)
    return running + queued
