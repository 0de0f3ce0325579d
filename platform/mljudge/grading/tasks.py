"""Celery tasks: thin adapters over grading.services. They take ids only; the row is the truth."""
import logging

from celery import shared_task
from celery.signals import worker_ready
from django.conf import settings
from django.db import close_old_connections

from . import rejudge, services

logger = logging.getLogger("mljudge.grading")


# While the engine is down a retry claims nothing, so retrying often costs nothing but a message: the grade
# resumes within this long of the engine's return (a doubling back-off reached a minute and missed the goal
# of recovering from a daemon restart within 60 s: docs/performance.md, "Faults and time to recover").
ENGINE_DOWN_RETRY_S = 5


def _backoff_s(retries: int) -> float:
    return min(settings.MLJUDGE_RETRY_BACKOFF_S * 2 ** retries, 60)


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=None, ignore_result=True)
def grade_submission(self, submission_id: int) -> str:
    try:
        return services.submission_grade(submission_id=submission_id)
    except services.EngineDown as exc:
        raise self.retry(exc=exc, countdown=min(_backoff_s(self.request.retries), ENGINE_DOWN_RETRY_S))
    except services.TransientGradingError as exc:
        # The row's attempt counter bounds the retries; here only the back-off. A hand-back (HandedBack) uses
        # no attempt, so its back-off is capped too: the row waits for a host that has its problem version.
        raise self.retry(exc=exc, countdown=_backoff_s(self.request.retries))
    except services.DATABASE_DOWN as exc:
        # No attempt was used (the claim needs the database): retried until it answers, the wait capped at a
        # minute. The retry is a new message, published before this one is acknowledged.
        logger.warning("submission %s: the database is unreachable, retrying: %s", submission_id, exc)
        close_old_connections()
        raise self.retry(exc=exc, countdown=_backoff_s(self.request.retries))


@shared_task(ignore_result=True)
def sweep_stuck_submissions() -> dict:
    """Routed to settings.MLJUDGE_SWEEP_QUEUE: its own worker, so no backlog of grades delays it."""
    result = services.stuck_submissions_sweep()
    return {"requeued": result.requeued, "resent": result.resent, "failed": result.failed}


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=3, ignore_result=True)
def rejudge_submission(self, submission_id: int) -> str:
    """Routed to settings.MLJUDGE_REJUDGE_QUEUE (CELERY_TASK_ROUTES): low priority, its own worker."""
    try:
        return rejudge.submission_rejudge(submission_id=submission_id)
    except services.TransientGradingError as exc:
        raise self.retry(exc=exc, countdown=_backoff_s(self.request.retries))


@worker_ready.connect
def _release_dead_holders(**_kwargs) -> None:
    # A worker (re)starting on this host takes back at once the rows its dead predecessor held.
    try:
        services.worker_startup_release()
    except Exception:  # noqa: BLE001  (the database may not be up yet: the sweeper is the backstop)
        logger.exception("worker start-up: could not release rows held by dead processes")
    finally:
        close_old_connections()
