"""Celery tasks: thin adapters over authoring.services. Routed to settings.MLJUDGE_REJUDGE_QUEUE
(CELERY_TASK_ROUTES): a sync with the sandbox check grades every reference and wrong solution, which is a
worker's job, and it must not hold up new submissions on the default queue."""
from celery import shared_task


@shared_task(ignore_result=True)
def sync_run_task(run_id: int) -> None:
    from .services import sync_run_execute

    sync_run_execute(run_id=run_id)   # a re-delivery finds the run claimed and does nothing


@shared_task(ignore_result=True)
def sync_runs_sweep() -> int:
    from .services import sync_runs_fail_stale

    return sync_runs_fail_stale()
