"""Celery tasks of webhooks: thin adapters over api.webhook_services, on settings.MLJUDGE_WEBHOOK_QUEUE (the
services queue them there explicitly). They take ids only; the delivery row is the truth."""
from celery import shared_task
from django.conf import settings


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def webhooks_dispatch(submission_id: int, event: str) -> list[int]:
    from .webhook_services import webhooks_dispatch as dispatch

    return dispatch(submission_id=submission_id, event=event)


# time_limit: a backstop past the HTTP timeouts (a receiver that drips its headers); the killed attempt's
# message comes back (acks_late) and finds the row claimed, so it counts as one more attempt.
@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True, time_limit=60)
def webhook_deliver(delivery_id: int) -> str:
    from .webhook_services import delivery_attempt

    attempt = delivery_attempt(delivery_id=delivery_id)
    if attempt.retry_in is not None:
        webhook_deliver.apply_async((delivery_id,), countdown=attempt.retry_in.total_seconds(),
                                    queue=settings.MLJUDGE_WEBHOOK_QUEUE)
    return attempt.status
