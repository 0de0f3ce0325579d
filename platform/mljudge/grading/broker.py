"""What the broker still holds for the grading queue: how the sweeper tells a row whose message was lost (a
Redis restart without persistence, a publish that failed) from one waiting its turn behind a backlog.

Grading messages are interchangeable tickets (grading.queue: each claims the fairest queued row), so the
question is a count, not which message names which row: the messages ready in the queue's Redis list (LLEN,
with kombu's priority sub-lists), plus the retries a worker holds while their countdown runs (a transient
sandbox error, a hand-back): those sit in kombu's "unacked" hash with an ETA, not in the list, and are still
tickets for queued rows. Other unacknowledged messages are not counted: a running grade's own message is not a
ticket for a queued row, and a message a killed worker held would come back only after the visibility timeout
(minutes), which is exactly the wait the sweeper exists to cut short."""
from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta, timezone
from urllib.parse import urlparse

from django.conf import settings

logger = logging.getLogger("mljudge.grading")

# kombu's Redis transport keeps a queue with priorities as one list per priority step: "<queue>" for the
# default and "<queue>\x06\x16<n>" for the others (kombu.transport.redis, PRIORITY_STEPS and sep).
_PRIORITY_SEP = "\x06\x16"
_PRIORITY_STEPS = (3, 6, 9)


# kombu's Redis transport keeps each message a worker has taken, until it is acknowledged, in this hash:
# delivery tag -> JSON [message, exchange, routing key] (kombu.transport.redis.QoS.append).
_UNACKED = "unacked"


# A countdown longer than this is not one of ours (the back-off is capped at a minute): a clock that disagrees.
_MAX_COUNTDOWN = timedelta(minutes=2)


def _retries_waiting(client, queue: str) -> int:
    """Messages of `queue` that workers hold with an ETA still to come (retries waiting out their countdown)."""
    now, waiting = datetime.now(timezone.utc), 0
    for raw in client.hvals(_UNACKED):
        try:
            message, _exchange, routing_key = json.loads(raw)
            eta = (message.get("headers") or {}).get("eta")
            if routing_key != queue or not eta:
                continue
            due = datetime.fromisoformat(eta)
            due = due if due.tzinfo else due.replace(tzinfo=timezone.utc)
        except (ValueError, TypeError, AttributeError):
            continue
        waiting += now < due <= now + _MAX_COUNTDOWN
    return waiting


def message_counts(*, queue: str) -> tuple[int, int] | None:
    """(ready in the queue, retries workers hold with a countdown to run) for `queue`; None when that cannot be
    known."""
    import redis

    url = settings.CELERY_BROKER_URL
    if urlparse(url).scheme not in ("redis", "rediss"):
        return None
    timeout = settings.MLJUDGE_REDIS_TIMEOUT_S
    try:
        client = redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)
        try:
            pipe = client.pipeline(transaction=False)
            for name in [queue] + [f"{queue}{_PRIORITY_SEP}{step}" for step in _PRIORITY_STEPS]:
                pipe.llen(name)
            return sum(pipe.execute()), _retries_waiting(client, queue)
        finally:
            client.close()
    except redis.RedisError as exc:
        logger.warning("broker: cannot count the messages of %s: %s", queue, exc)
        return None
