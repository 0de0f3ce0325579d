"""A sandbox pool that records its figures (ops.metrics): start time of each container, the pool's size, and
the acquisitions that found no warm sandbox. Only public grader API: the backend's start() is timed through
a thin wrapper, a miss is an acquire() that had to wait."""
from __future__ import annotations

import logging
import time

import grader

from . import metrics

logger = logging.getLogger("mljudge.grading.sandbox")

# An acquire() that takes longer than this waited for a container to start: a pool miss.
MISS_AFTER_S = 0.05


class _TimedBackend:
    def __init__(self, backend, runtime: str):
        self._backend, self._runtime = backend, runtime

    def start(self, limits):
        started = time.monotonic()
        channel = self._backend.start(limits)
        metrics.SANDBOX_START.labels(self._runtime).observe(time.monotonic() - started)
        return channel

    def __getattr__(self, name):
        return getattr(self._backend, name)


class MeteredPool(grader.SandboxPool):
    def __init__(self, backend, *, size: int, limits, runtime: str):
        self._runtime = str(runtime)
        super().__init__(_TimedBackend(backend, self._runtime), size=size, limits=limits)
        metrics.POOL_SIZE.labels(self._runtime).set(size)

    def acquire(self, *args, **kwargs):
        started = time.monotonic()
        channel = super().acquire(*args, **kwargs)
        waited = time.monotonic() - started
        metrics.POOL_ACQUIRES.labels(self._runtime).inc()
        if waited > MISS_AFTER_S:
            metrics.POOL_MISSES.labels(self._runtime).inc()
        logger.info("sandbox taken from the %s pool after %.3f s", self._runtime, waited,
                    extra={"runtime": self._runtime, "waited_s": round(waited, 3), "pool_miss": waited > MISS_AFTER_S})
        return channel

    def close(self, *args, **kwargs):
        metrics.POOL_SIZE.labels(self._runtime).set(0)
        return super().close(*args, **kwargs)


def metered_pool(backend, *, size: int, limits, runtime) -> MeteredPool:
    return MeteredPool(backend, size=size, limits=limits, runtime=runtime)
