"""What every Celery worker process does for operations (connected by OpsConfig.ready; these signals never
fire in a web process): a heartbeat row from the main process, the worker host's metrics exporter, task
durations and retries, the submission id bound to a task's log records, and JSON logs for Celery's own
loggers when MLJUDGE_LOG_FORMAT=json."""
from __future__ import annotations

import inspect
import logging
import os
import socket
import threading
import time

from celery import signals
from django.conf import settings
from django.db import DatabaseError, close_old_connections

from . import logs, metrics

logger = logging.getLogger("mljudge.ops")
_started: dict[str, float] = {}
_tokens: dict[str, object] = {}
_beat: "_Heartbeat | None" = None


class _Heartbeat(threading.Thread):
    def __init__(self, *, name: str, queues: list[str]):
        super().__init__(name="worker-heartbeat", daemon=True)
        self.worker_name, self.queues, self.stopped = name, queues, threading.Event()

    def run(self) -> None:
        from .services import worker_beat_record

        while True:
            try:
                worker_beat_record(name=self.worker_name, host=socket.gethostname(), pid=os.getpid(),
                                   queues=self.queues)
            except DatabaseError as exc:
                logger.warning("worker heartbeat not recorded (database unavailable): %s", exc)
            finally:
                close_old_connections()
            if self.stopped.wait(settings.MLJUDGE_WORKER_BEAT_S):
                return


@signals.worker_init.connect
def _worker_init(**_kwargs) -> None:
    metrics.forget_dead_processes()


@signals.worker_ready.connect
def _worker_ready(sender=None, **_kwargs) -> None:
    global _beat
    queues = sorted(sender.app.amqp.queues.consume_from) if sender is not None else []
    _beat = _Heartbeat(name=sender.hostname if sender is not None else socket.gethostname(), queues=queues)
    _beat.start()
    port = settings.MLJUDGE_WORKER_METRICS_PORT
    if port:
        _serve_host_metrics(port)


def _serve_host_metrics(port: int) -> None:
    """This host's worker metrics (every process's, merged) on port; deployment figures stay on the web's
    /metrics. Two workers on one host: only the first binds the port, and it serves both (one directory)."""
    from prometheus_client import start_http_server
    from prometheus_client import CollectorRegistry
    from prometheus_client.multiprocess import MultiProcessCollector

    registry = CollectorRegistry()
    MultiProcessCollector(registry, path=settings.MLJUDGE_METRICS_DIR)
    try:
        start_http_server(port, addr=settings.MLJUDGE_WORKER_METRICS_ADDR, registry=registry)
    except OSError as exc:
        logger.info("worker metrics not served on port %s (%s): another worker of this host serves them", port, exc)


@signals.worker_shutdown.connect
def _worker_shutdown(**_kwargs) -> None:
    from .services import worker_beat_forget

    if _beat is None:
        return
    _beat.stopped.set()
    try:
        worker_beat_forget(name=_beat.worker_name, pid=os.getpid())
    except DatabaseError:
        pass  # the row ages out as a dead worker's would


@signals.worker_process_shutdown.connect
def _process_shutdown(pid=None, **_kwargs) -> None:
    metrics.process_exited(pid or os.getpid())


_SUBMISSION_ARG: dict[str, int | None] = {}


def _submission_id(task, args, kwargs) -> int | None:
    """The submission a task works on: its `submission_id` argument, if it has one."""
    if task.name not in _SUBMISSION_ARG:
        try:
            names = list(inspect.signature(task.run).parameters)
        except (TypeError, ValueError):
            names = []
        _SUBMISSION_ARG[task.name] = names.index("submission_id") if "submission_id" in names else None
    if kwargs and "submission_id" in kwargs:
        return kwargs["submission_id"]
    position = _SUBMISSION_ARG[task.name]
    return args[position] if position is not None and args and len(args) > position else None


@signals.task_prerun.connect
def _task_prerun(task_id=None, task=None, args=None, kwargs=None, **_kw) -> None:
    _started[task_id] = time.monotonic()
    _tokens[task_id] = logs.bind_submission(_submission_id(task, args or (), kwargs or {}))
    logger.info("task %s started", task.name, extra={"task": task.name, "task_id": task_id})


@signals.task_postrun.connect
def _task_postrun(task_id=None, task=None, state=None, **_kw) -> None:
    started = _started.pop(task_id, None)
    if started is not None:
        took = time.monotonic() - started
        metrics.TASK_SECONDS.labels(task.name, state or "UNKNOWN").observe(took)
        logger.info("task %s ended: %s in %.2f s", task.name, state, took,
                    extra={"task": task.name, "task_id": task_id, "state": state, "seconds": round(took, 3)})
    token = _tokens.pop(task_id, None)
    if token is not None:
        logs.unbind_submission(token)


@signals.task_retry.connect
def _task_retry(sender=None, **_kw) -> None:
    metrics.TASK_RETRIES.labels(getattr(sender, "name", "unknown")).inc()


@signals.after_setup_logger.connect
@signals.after_setup_task_logger.connect
def _json_celery_logs(logger=None, **_kwargs) -> None:
    if settings.MLJUDGE_LOG_FORMAT != "json" or logger is None:
        return
    for handler in logger.handlers:
        handler.setFormatter(logs.JsonFormatter())
        handler.addFilter(logs.SubmissionFilter())
