"""The figures of the whole deployment, read at scrape time from PostgreSQL and Redis: what every host shares,
so any web process answers the same whichever worker hosts exist. /metrics (ops.metrics) and the staff System
page (ops.views) both read them from here.

Cost: one GROUP BY over submissions (status, verdict, mode), two bucketed aggregates over the rows queued in
the last MLJUDGE_METRICS_WINDOW_S (the (status, queued_at) index), one over worker beats, and one LLEN per
queue and priority level."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import redis
from django.conf import settings
from django.db import connection
from django.db.models import Count, DurationField, ExpressionWrapper, F, Min, Q, Sum
from django.utils import timezone

from mljudge.submissions.models import Mode, Status, Submission

from .models import WorkerBeat

# Seconds. Queue waits span a warm pool (< 1 s) to a burst backlog (tens of minutes); a grade, one sandbox
# start to a time-limited problem's full budget.
WAIT_BUCKETS = (0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800)
GRADE_BUCKETS = (0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300)
# kombu's Redis transport keeps a queue's messages of priority p > 0 in "<queue>\x06\x16<p>" (priority_steps).
_PRIORITY_SUFFIXES = ("", "\x06\x163", "\x06\x166", "\x06\x169")


@dataclass(frozen=True)
class Histogram:
    """Cumulative counts: buckets[i] rows took at most bounds[i] seconds; count and total over all rows."""
    bounds: tuple[float, ...]
    buckets: tuple[int, ...]
    count: int
    total_s: float


@dataclass(frozen=True)
class Worker:
    name: str
    host: str
    queues: list[str]
    silent_s: float     # since its last beat, by the database's clock
    live: bool


@dataclass(frozen=True)
class SubmissionCount:
    status: str
    verdict: str
    mode: str
    count: int


@dataclass
class Figures:
    submissions: list[SubmissionCount] = field(default_factory=list)
    extra_attempts: int = 0           # attempts beyond the first, summed over stored rows (retries, re-deliveries)
    oldest_queued_s: float | None = None
    queue_wait: Histogram | None = None
    grade_duration: Histogram | None = None
    workers: list[Worker] = field(default_factory=list)
    queue_depths: dict[str, int | None] = field(default_factory=dict)   # None: the broker did not answer
    window_s: int = 0


def celery_queues() -> list[str]:
    """Every queue a task of ours may be sent to, from the settings: the default (grading) queue first, then
    the routed ones (rejudges and syncs, a sweep queue if one is routed), webhooks, and beat's."""
    queues = [settings.CELERY_TASK_DEFAULT_QUEUE]
    queues += [route["queue"] for route in settings.CELERY_TASK_ROUTES.values() if route.get("queue")]
    queues.append(settings.MLJUDGE_WEBHOOK_QUEUE)
    queues += [entry.get("options", {}).get("queue") for entry in settings.CELERY_BEAT_SCHEDULE.values()]
    return list(dict.fromkeys(q for q in queues if q))


def database_now() -> datetime:
    """The database's clock: ages of rows written by many hosts are measured against one clock. (SQLite is
    one host's file: its process clock is the only one.)"""
    if connection.vendor != "postgresql":
        return timezone.now()
    with connection.cursor() as cursor:
        cursor.execute("SELECT CURRENT_TIMESTAMP")
        return cursor.fetchone()[0]


def _histogram(rows, *, duration, bounds: tuple[float, ...]) -> Histogram:
    wrapped = ExpressionWrapper(duration, output_field=DurationField())
    rows = rows.annotate(took=wrapped)
    aggregates = {f"le{i}": Count("id", filter=Q(took__lte=timedelta(seconds=b))) for i, b in enumerate(bounds)}
    result = rows.aggregate(n=Count("id"), total=Sum("took"), **aggregates)
    total = result["total"]
    return Histogram(bounds=bounds, buckets=tuple(result[f"le{i}"] for i in range(len(bounds))), count=result["n"],
                     total_s=total.total_seconds() if total else 0.0)


def worker_beats(*, now: datetime) -> list[Worker]:
    live_within = timedelta(seconds=settings.MLJUDGE_WORKER_LIVE_S)
    return [Worker(name=b.name, host=b.host, queues=list(b.queues), silent_s=max(0.0, (now - b.beat_at).total_seconds()),
                   live=now - b.beat_at <= live_within) for b in WorkerBeat.objects.all()]


def live_worker_exists(*, queue: str) -> bool:
    """A worker that consumes `queue` beat within MLJUDGE_WORKER_LIVE_S, by the database's clock."""
    now = database_now()
    return any(w.live and queue in w.queues for w in worker_beats(now=now))


def queue_depths(*, timeout_s: float = 1.0) -> dict[str, int | None]:
    """Messages waiting per queue (Redis LLEN over its priority lists); None for each if Redis did not answer."""
    queues = celery_queues()
    try:
        client = redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_timeout=timeout_s,
                                      socket_connect_timeout=timeout_s)
        with client.pipeline(transaction=False) as pipe:
            for name in queues:
                for suffix in _PRIORITY_SUFFIXES:
                    pipe.llen(name + suffix)
            lengths = pipe.execute()
    except redis.RedisError:
        return dict.fromkeys(queues)
    step = len(_PRIORITY_SUFFIXES)
    return {name: sum(lengths[i * step:(i + 1) * step]) for i, name in enumerate(queues)}


def system_figures() -> Figures:
    now = database_now()
    window = timedelta(seconds=settings.MLJUDGE_METRICS_WINDOW_S)
    counts = [SubmissionCount(status=r["status"], verdict=r["verdict"], mode=r["mode"], count=r["n"])
              for r in Submission.objects.order_by().values("status", "verdict", "mode").annotate(n=Count("id"))]
    extra = Submission.objects.filter(attempts__gt=1).aggregate(n=Sum(F("attempts") - 1))["n"] or 0
    oldest = Submission.objects.filter(status=Status.QUEUED).aggregate(t=Min("queued_at"))["t"]
    # Code runs queued within the window (the (status, queued_at) index), graded or failed by the system.
    recent = Submission.objects.filter(status__in=[Status.GRADED, Status.SYSTEM_ERROR], queued_at__gte=now - window,
                                       mode__in=[Mode.RUN, Mode.SUBMIT], started_at__isnull=False)
    return Figures(
        submissions=counts, extra_attempts=extra,
        oldest_queued_s=max(0.0, (now - oldest).total_seconds()) if oldest else None,
        queue_wait=_histogram(recent, duration=F("started_at") - F("queued_at"), bounds=WAIT_BUCKETS),
        grade_duration=_histogram(recent.filter(finished_at__isnull=False), duration=F("finished_at") - F("started_at"),
                                  bounds=GRADE_BUCKETS),
        workers=worker_beats(now=now), queue_depths=queue_depths(), window_s=int(window.total_seconds()))
