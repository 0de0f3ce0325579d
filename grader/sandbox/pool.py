"""A pool of pre-started sandboxes: harness and NumPy already imported, waiting on stdin for a job.

Each sandbox is used for exactly one submission and then discarded; a replacement starts in the
background. Nothing is shared between submissions, only the start-up cost is moved off the hot path."""
from __future__ import annotations

import queue
import threading
import time

from .base import CaseInput, Limits, RunResult, SandboxError, drive


class SandboxPool:
    """Keeps `size` ready sandboxes of one backend, all started with the same limits."""

    def __init__(self, backend, *, size: int = 2, limits: Limits = Limits()):
        if size < 1:
            raise ValueError("a pool needs at least one sandbox")
        self.backend = backend
        self.runtime = getattr(backend, "runtime", "numpy")  # every sandbox of a pool runs one runtime
        self.name = f"{backend.name}-pool"
        self.limits = limits
        self.size = size
        self._ready: queue.Queue = queue.Queue()
        self._lock = threading.Lock()
        self._closed = False
        self._starting = 0
        self._last_error: SandboxError | None = None
        self.discarded = 0  # ready sandboxes found dead when their turn came
        for _ in range(size):
            self._start_one()

    def _start_one(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._starting += 1
        threading.Thread(target=self._fill, daemon=True).start()

    def _fill(self) -> None:
        try:
            channel = self.backend.start(self.limits)
            self._ready.put(channel)
        except SandboxError as exc:
            self._last_error = exc
            self._ready.put(exc)
        finally:
            with self._lock:
                self._starting -= 1
                closed = self._closed
        if closed:
            self._drain()

    def engine_ready(self) -> bool:
        """Whether a sandbox could start now: the backend's engine answers (backends without one: always)."""
        ping = getattr(self.backend, "ping", None)
        return ping() if ping is not None else True

    def wait_full(self, timeout: float = 60.0) -> None:
        """Blocks until every sandbox of the pool is started (benchmarks: measure a warm pool)."""
        deadline = time.monotonic() + timeout
        while self._ready.qsize() < self.size and time.monotonic() < deadline:
            time.sleep(0.01)

    def acquire(self, timeout: float = 60.0):
        """A ready channel, used once. Starts its replacement at once. A sandbox that died while it waited
        (killed from outside, the engine restarted) is never handed out: it is discarded and the next one
        taken (a fresh one at worst), so the machine's fault never becomes the submission's verdict."""
        if self._closed:
            raise SandboxError("the sandbox pool is closed", transient=False)
        deadline = time.monotonic() + timeout
        while True:
            try:
                item = self._ready.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise SandboxError(f"no sandbox became ready within {timeout:.0f}s") from None
            self._start_one()
            if isinstance(item, SandboxError):
                raise item
            alive = getattr(item, "alive", None)
            if alive is None or alive():
                return item
            self.discarded += 1
            item.discard()

    def run(self, *, source: str, entry_point: str, cases: list[CaseInput], limits: Limits,
            on_case=None, options: dict | None = None) -> RunResult:
        if limits.container_differences(self.limits):
            # Container-level limits are fixed at start; a problem with other ones gets a fresh (cold) sandbox
            # (grader check refuses such problems: see validate.check_problem).
            return self.backend.run(source=source, entry_point=entry_point, cases=cases, limits=limits,
                                    on_case=on_case, options=options)
        channel = self.acquire()
        return drive(channel, source=source, entry_point=entry_point, cases=cases, limits=limits, on_case=on_case,
                     options=options)

    def close(self, timeout: float = 60.0) -> None:
        """Stops refilling, releases the ready sandboxes, and waits (at most `timeout` s) for the ones still
        starting and for the backend's removals: no container outlives the pool."""
        deadline = time.monotonic() + timeout
        with self._lock:
            self._closed = True
        while self._starting and time.monotonic() < deadline:
            time.sleep(0.02)
        self._drain()
        self.backend.close(max(0.0, deadline - time.monotonic()))

    def _drain(self) -> None:
        while True:
            try:
                item = self._ready.get_nowait()
            except queue.Empty:
                return
            if not isinstance(item, SandboxError):
                item.kill()
                item.finish()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
