"""What the broker still holds for the grading queue: how the sweeper tells a row whose message was lost (a
Redis restart without persistence, a publish that failed) from one waiting its turn behind a backlog.

Grading messages are interchangeable tickets (grading.queue: each claims the fairest queued row), so the
question is a count, not which message names which row: the messages ready in the queue's Redis list (LLEN,
with kombu's priority sub-lists), plus the messages workers hold unacknowledged (kombu's "unacked" hash) that
are not grading a RUNNING row: a retry waiting out its countdown (a transient sandbox error, a hand-back) is
held by a worker, not in the list, and is still a ticket for a queued row."""
from __future__ import annotations

import json
import logging
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


def _held(client, queue: str) -> int:
    """Messages of `queue` that workers hold unacknowledged (reserved, running, or waiting for a countdown)."""
    held = 0
    for raw in client.hvals(_UNACKED):
        try:
            held += json.loads(raw)[2] == queue
        except (ValueError, IndexError, TypeError):
            continue
    return held


def message_counts(*, queue: str) -> tuple[int, int] | None:
    """(ready in the queue, held unacknowledged by workers) for `queue`; None when that cannot be known."""
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
            return sum(pipe.execute()), _held(client, queue)
        finally:
            client.close()
    except redis.RedisError as exc:
        logger.warning("broker: cannot count the messages of %s: %s", queue, exc)
        return None
