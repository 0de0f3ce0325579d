"""Prometheus metrics (prometheus-client). Two kinds, and where each is honest:

- Deployment-wide figures (submissions by status and verdict, queue depth, queue wait and grade duration,
  attempts beyond the first, worker heartbeats) are read from PostgreSQL and Redis at scrape time
  (ops.selectors): every web process answers the same, whatever worker hosts exist or have died.
- Process-local figures that only a worker knows (sandbox start time, pool size and misses, task durations,
  retries, by task) are recorded by the worker processes in prometheus-client's multiprocess mode, in files
  under PROMETHEUS_MULTIPROC_DIR (settings: MLJUDGE_METRICS_DIR) on THEIR host. A web process merges the files
  of its own host (one host, or a shared volume in docker/compose.yml); on other worker hosts each worker's
  main process serves them on MLJUDGE_WORKER_METRICS_PORT, one scrape target per host (docs/operations.md).

Files are named by host name and pid (containers on one host share the directory but not a pid namespace)."""
from __future__ import annotations

import glob
import os
import socket

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest, values
from prometheus_client.core import CounterMetricFamily, GaugeHistogramMetricFamily, GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead

_MULTIPROC_DIR = os.environ.get("PROMETHEUS_MULTIPROC_DIR")


def process_key(pid: int | None = None) -> str:
    return f"{socket.gethostname()}-{pid or os.getpid()}"


if _MULTIPROC_DIR:
    values.ValueClass = values.MultiProcessValue(process_identifier=process_key)

SANDBOX_START = Histogram("mljudge_sandbox_start_seconds", "Time to start one sandbox container (warm pool refills "
                          "and cold starts), per runtime", ["runtime"],
                          buckets=(0.25, 0.5, 1, 2, 4, 8, 16, 32, 64))
POOL_SIZE = Gauge("mljudge_sandbox_pool_size", "Warm sandboxes each live grading process keeps, summed over this "
                  "host's processes, per runtime", ["runtime"], multiprocess_mode="livesum")
POOL_ACQUIRES = Counter("mljudge_sandbox_pool_acquires_total", "Sandboxes taken from a warm pool", ["runtime"])
POOL_MISSES = Counter("mljudge_sandbox_pool_misses_total", "Sandboxes taken from a warm pool that had none ready "
                      "(the grade waited for a container to start)", ["runtime"])
TASK_SECONDS = Histogram("mljudge_task_seconds", "Celery task run time in this host's workers, by task and "
                         "outcome", ["task", "state"], buckets=(0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600))
TASK_RETRIES = Counter("mljudge_task_retries_total", "Celery task retries scheduled (transient errors)", ["task"])

_STATUS_HELP = "Submissions stored, by status, verdict and mode (from the database at scrape time)"


class DeploymentCollector:
    """The deployment-wide figures (ops.selectors.system_figures), converted at each scrape."""

    def collect(self):
        from .selectors import system_figures

        figures = system_figures()
        submissions = GaugeMetricFamily("mljudge_submissions", _STATUS_HELP, labels=["status", "verdict", "mode"])
        for row in figures.submissions:
            submissions.add_metric([row.status, row.verdict, row.mode], row.count)
        yield submissions
        yield CounterMetricFamily("mljudge_submission_extra_attempts", "Grading attempts beyond the first, over "
                                  "stored submissions (retries after transient errors, re-deliveries after a worker "
                                  "died)", value=figures.extra_attempts)
        yield GaugeMetricFamily("mljudge_oldest_queued_seconds", "Age of the oldest queued submission (0: none "
                                "queued), by the database's clock", value=figures.oldest_queued_s or 0.0)
        depth = GaugeMetricFamily("mljudge_queue_depth", "Messages waiting in each Celery queue (Redis LLEN)",
                                  labels=["queue"])
        for queue, n in figures.queue_depths.items():
            if n is not None:
                depth.add_metric([queue], n)
        yield depth
        yield GaugeMetricFamily("mljudge_broker_up", "1 if Redis answered this scrape",
                                value=int(all(n is not None for n in figures.queue_depths.values())))
        for name, histogram, what in (("mljudge_queue_wait_seconds", figures.queue_wait, "from queued to started"),
                                      ("mljudge_grade_duration_seconds", figures.grade_duration,
                                       "from started to finished")):
            family = GaugeHistogramMetricFamily(
                name, f"Runs and submissions queued in the last {figures.window_s} s: time {what}")
            buckets = [(_le(b), n) for b, n in zip(histogram.bounds, histogram.buckets)] + [("+Inf", histogram.count)]
            family.add_metric([], buckets, gsum_value=histogram.total_s)
            yield family
        beats = GaugeMetricFamily("mljudge_worker_last_beat_seconds", "Seconds since each Celery worker's last "
                                  "heartbeat (database clock)", labels=["worker", "host"])
        for worker in figures.workers:
            beats.add_metric([worker.name, worker.host], worker.silent_s)
        yield beats
        yield GaugeMetricFamily("mljudge_workers_live", "Celery workers whose last heartbeat is recent",
                                value=sum(w.live for w in figures.workers))


def _le(bound: float) -> str:
    return f"{float(bound)}"


def exposition(*, deployment: bool = True) -> bytes:
    """The text exposition: deployment figures (unless only this host's are asked for) and the process-local
    figures of this host's worker processes."""
    registry = CollectorRegistry()
    if _MULTIPROC_DIR:
        MultiProcessCollector(registry, path=_MULTIPROC_DIR)
    if deployment:
        registry.register(DeploymentCollector())
    return generate_latest(registry)


def process_exited(pid: int) -> None:
    """A worker process ended: its live gauges (pool size) stop counting."""
    if _MULTIPROC_DIR:
        mark_process_dead(process_key(pid), _MULTIPROC_DIR)


def forget_dead_processes() -> None:
    """At a worker's start: the live gauges (pool size) of this host's processes that died without a clean
    shutdown (SIGKILL, OOM) would count for ever. Counters are kept: Prometheus reads a restart as a reset."""
    if not _MULTIPROC_DIR:
        return
    prefix = f"{socket.gethostname()}-"
    for path in glob.glob(os.path.join(_MULTIPROC_DIR, f"gauge_live*_{prefix}*.db")):
        pid = os.path.basename(path)[:-3].rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            os.remove(path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
