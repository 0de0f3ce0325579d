"""What the broker still holds for the grading queue: how the sweeper tells a row whose message was lost (a
Redis restart without persistence, a publish that failed) from one waiting its turn behind a backlog.

Grading messages are interchangeable tickets (grading.queue: each claims the fairest queued row), so the
question is a count, not which message names which row: the messages ready in the queue's Redis list (LLEN,
with kombu's priority sub-lists). A message a worker has taken is no longer there: it is held unacknowledged
while its task grades a RUNNING row, so it is not a ticket for a queued one."""
from __future__ import annotations

import logging
from urllib.parse import urlparse

from django.conf import settings

logger = logging.getLogger("mljudge.grading")

# kombu's Redis transport keeps a queue with priorities as one list per priority step: "<queue>" for the
# default and "<queue>\x06\x16<n>" for the others (kombu.transport.redis, PRIORITY_STEPS and sep).
_PRIORITY_SEP = "\x06\x16"
_PRIORITY_STEPS = (3, 6, 9)


def ready_messages(*, queue: str) -> int | None:
    """How many messages wait in `queue` on the broker; None when that cannot be known (the broker is not
    Redis, or does not answer within MLJUDGE_REDIS_TIMEOUT_S)."""
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
            return sum(pipe.execute())
        finally:
            client.close()
    except redis.RedisError as exc:
        logger.warning("broker: cannot count the messages of %s: %s", queue, exc)
        return None
