"""One warm sandbox pool per runtime per worker process: containers pre-started with the harness and NumPy
(the torch runtime: torch too) imported, each used for exactly one grading run. Created in the process that
uses it (threads do not survive fork). A problem is graded in its runtime's pool: sandbox_pool(problem.runtime)."""
from __future__ import annotations

import logging
import threading

import grader
from celery.signals import worker_init, worker_process_init, worker_process_shutdown
from django.conf import settings

from mljudge.ops.metered import metered_pool

logger = logging.getLogger("mljudge.grading")

LOCAL_WARNING = (
    "\n" + "!" * 78 + "\n"
    "!!  MLJUDGE_SANDBOX=local: submitted code runs as a PLAIN PROCESS on this machine, with this user's\n"
    "!!  rights, network and files. For authoring on your own laptop only. NEVER expose this to users.\n"
    + "!" * 78
)

_pools: dict[grader.Runtime, grader.SandboxPool] = {}
_lock = threading.Lock()


def _pool_size(runtime: grader.Runtime) -> int:
    return settings.MLJUDGE_TORCH_POOL_SIZE if runtime is grader.Runtime.TORCH else settings.MLJUDGE_SANDBOX_POOL_SIZE


def sandbox_pool(runtime: grader.Runtime | str = grader.Runtime.NUMPY) -> grader.SandboxPool:
    """This process's pool for `runtime`, created on first use, with the runtime's image and default limits.
    Raises grader.SandboxError if the engine (or the runtime's image) is unavailable."""
    runtime = grader.Runtime(runtime)
    with _lock:
        if runtime not in _pools:
            name = settings.MLJUDGE_SANDBOX
            if name == "local" and not _pools:
                logger.warning(LOCAL_WARNING)
            size = _pool_size(runtime)
            _pools[runtime] = metered_pool(grader.make_sandbox(name, runtime=runtime), size=size,
                                           limits=grader.default_limits(runtime), runtime=runtime)
            logger.info("sandbox pool ready: %s (%s) x%d", _pools[runtime].name, runtime, size)
        return _pools[runtime]


def sandbox_engine_ready() -> bool:
    """Whether this process's pools could start a sandbox now (Docker: the engine answers a ping). Asked before
    a row is claimed (grading.services.submission_grade): with the engine down, every message of a backlog would
    claim a row, fail and release it within milliseconds, using up the rows' attempts long before the back-off
    of any retry (issue 15 fault suite: a dockerd restart ended 10 of 30 queued submissions as system errors).
    No pool yet: ready (the first claim builds one and reports what fails)."""
    with _lock:
        pools = list(_pools.values())
    return all(pool.engine_ready() for pool in pools)


class _Pools:
    """Every runtime's pool, for code that grades problems of any runtime (grader.validate.check_problem):
    grader.grade asks it for the problem's."""

    @staticmethod
    def for_runtime(runtime: grader.Runtime | str) -> grader.SandboxPool:
        return sandbox_pool(runtime)


def sandbox_pools() -> _Pools:
    return _Pools()


def sandbox_pool_close() -> None:
    with _lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.close()


_grades = True  # whether this worker consumes a queue whose tasks build sandboxes (set at worker set-up)


@worker_init.connect
def _note_queues(sender, **_kwargs) -> None:
    # The sweep and webhook workers never build a sandbox: they must not keep warm containers either.
    # (worker_init: the first signal sent after the worker chose its queues, before its pool starts.)
    global _grades
    queues = sender.app.amqp.queues
    consumed = set(queues.consume_from or queues)
    _grades = bool(consumed & {settings.CELERY_TASK_DEFAULT_QUEUE, settings.MLJUDGE_REJUDGE_QUEUE})


@worker_process_init.connect
def _warm_pool(**_kwargs) -> None:
    # Start containers while the worker is idle, so the first submission does not pay for them (the torch
    # pool too: importing torch is most of a torch sandbox's start-up).
    if not _grades:
        return
    for runtime in grader.Runtime:
        try:
            sandbox_pool(runtime)
        except grader.SandboxError as exc:
            logger.error("%s sandbox pool could not start yet (will retry on first job): %s", runtime, exc)


@worker_process_shutdown.connect
def _close_pool(**_kwargs) -> None:
    sandbox_pool_close()
