"""One warm sandbox pool per worker process: containers pre-started with the harness and NumPy imported,
each used for exactly one grading run. Created in the process that uses it (threads do not survive fork)."""
from __future__ import annotations

import logging
import threading

import grader
from celery.signals import worker_process_init, worker_process_shutdown
from django.conf import settings

logger = logging.getLogger("mljudge.grading")

LOCAL_WARNING = (
    "\n" + "!" * 78 + "\n"
    "!!  MLJUDGE_SANDBOX=local: submitted code runs as a PLAIN PROCESS on this machine, with this user's\n"
    "!!  rights, network and files. For authoring on your own laptop only. NEVER expose this to users.\n"
    + "!" * 78
)

_pool: grader.SandboxPool | None = None
_lock = threading.Lock()


def sandbox_pool() -> grader.SandboxPool:
    """This process's pool, created on first use. Raises grader.SandboxError if the engine is unavailable."""
    global _pool
    with _lock:
        if _pool is None:
            name = settings.MLJUDGE_SANDBOX
            if name == "local":
                logger.warning(LOCAL_WARNING)
            _pool = grader.SandboxPool(grader.make_sandbox(name), size=settings.MLJUDGE_SANDBOX_POOL_SIZE)
            logger.info("sandbox pool ready: %s x%d", _pool.name, settings.MLJUDGE_SANDBOX_POOL_SIZE)
        return _pool


def sandbox_pool_close() -> None:
    global _pool
    with _lock:
        if _pool is not None:
            _pool.close()
            _pool = None


@worker_process_init.connect
def _warm_pool(**_kwargs) -> None:
    # Start containers while the worker is idle, so the first submission does not pay for them.
    try:
        sandbox_pool()
    except grader.SandboxError as exc:
        logger.error("sandbox pool could not start yet (will retry on first job): %s", exc)


@worker_process_shutdown.connect
def _close_pool(**_kwargs) -> None:
    sandbox_pool_close()
