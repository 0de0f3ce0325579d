"""Celery tasks: thin adapters over grading.services. They take ids only; the row is the truth."""
from celery import shared_task
from django.conf import settings

from . import rejudge, services

MAX_BACKOFF_S = 60


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=None, ignore_result=True)
def grade_submission(self, submission_id: int) -> str:
    try:
        return services.submission_grade(submission_id=submission_id)
    except services.TransientGradingError as exc:
        # The row's attempt counter bounds the retries; here only the back-off. A hand-back (HandedBack) uses
        # no attempt, so its back-off is capped: the row waits for a host that has its problem version.
        raise self.retry(exc=exc, countdown=min(settings.MLJUDGE_RETRY_BACKOFF_S * 2 ** self.request.retries,
                                                MAX_BACKOFF_S))


@shared_task(ignore_result=True)
def sweep_stuck_submissions() -> dict:
    result = services.stuck_submissions_sweep()
    return {"requeued": result.requeued, "failed": result.failed}


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=3, ignore_result=True)
def rejudge_submission(self, submission_id: int) -> str:
    """Routed to settings.MLJUDGE_REJUDGE_QUEUE (CELERY_TASK_ROUTES): low priority, its own worker."""
    try:
        return rejudge.submission_rejudge(submission_id=submission_id)
    except services.TransientGradingError as exc:
        raise self.retry(exc=exc, countdown=settings.MLJUDGE_RETRY_BACKOFF_S * 2 ** self.request.retries)
