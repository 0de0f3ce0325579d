"""Readiness: can this web process serve a submission end to end right now? The database answers, the broker
answers, and at least one worker that consumes the grading queue beat recently. Each check is bounded
(MLJUDGE_READY_TIMEOUT_S for the broker; the database's own connect timeout) and names what failed."""
from __future__ import annotations

from dataclasses import dataclass

import redis
from django.conf import settings
from django.db import DatabaseError, connection

from .selectors import live_worker_exists

DATABASE, BROKER, WORKERS = "database", "broker", "workers"


@dataclass(frozen=True)
class Readiness:
    failures: dict[str, str]   # check name → what went wrong, in words

    @property
    def ready(self) -> bool:
        return not self.failures

    def to_dict(self) -> dict:
        return {"ready": self.ready,
                "checks": {name: self.failures.get(name, "ok") for name in (DATABASE, BROKER, WORKERS)}}


def _database() -> str | None:
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as exc:
        connection.close_if_unusable_or_obsolete()
        return f"unreachable: {type(exc).__name__}"
    return None


def _broker() -> str | None:
    timeout = settings.MLJUDGE_READY_TIMEOUT_S
    try:
        redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_timeout=timeout,
                             socket_connect_timeout=timeout).ping()
    except redis.RedisError as exc:
        return f"unreachable: {type(exc).__name__}"
    return None


def _workers() -> str | None:
    queue = settings.CELERY_TASK_DEFAULT_QUEUE
    if not live_worker_exists(queue=queue):
        return f"no worker on the {queue} queue beat in the last {settings.MLJUDGE_WORKER_LIVE_S} s"
    return None


def readiness() -> Readiness:
    failures = {}
    if problem := _database():
        failures[DATABASE] = problem
        failures[WORKERS] = "unknown: their heartbeats are in the database"
    elif problem := _workers():
        failures[WORKERS] = problem
    if problem := _broker():
        failures[BROKER] = problem
    return Readiness(failures=failures)
