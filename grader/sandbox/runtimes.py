"""Runtimes: what a problem's code runs with. Each has its own runner image, its own warm pool and its own
default limits; `problem.toml` picks one with `runtime = "numpy" | "torch"` (default numpy)."""
from __future__ import annotations

import enum
import os

from .base import Limits


class Runtime(enum.StrEnum):
    NUMPY = "numpy"
    TORCH = "torch"


# Default limits per runtime. torch: importing it takes ~330 MB resident in the runner (docs/sandbox.md), so a
# sandbox needs room for that plus the submission's tensors; its pool is started with these, and a problem
# that keeps them gets a warm sandbox (other container-level limits get a fresh one).
DEFAULT_LIMITS = {
    Runtime.NUMPY: Limits(),
    Runtime.TORCH: Limits(memory_mb=1024),
}

# The runner image of each runtime (docker/build-runner.sh builds both).
IMAGES = {
    Runtime.NUMPY: os.environ.get("MLJUDGE_RUNNER_IMAGE", "mljudge-runner:latest"),
    Runtime.TORCH: os.environ.get("MLJUDGE_RUNNER_TORCH_IMAGE", "mljudge-runner-torch:latest"),
}


def default_limits(runtime: Runtime | str) -> Limits:
    return DEFAULT_LIMITS[Runtime(runtime)]


def runtime_of(sandbox) -> Runtime:
    """The runtime a backend or pool runs (a sandbox without one is the NumPy runtime's)."""
    return Runtime(getattr(sandbox, "runtime", Runtime.NUMPY))


class SandboxSet:
    """One sandbox (a backend, or a warm pool of it) per runtime, made on first use: what a caller that grades
    problems of several runtimes holds (`grader check problems/`, a worker). grade() picks the problem's."""

    def __init__(self, name: str, *, pool: int = 0, **backend_kwargs):
        self.name = name
        self.pool = pool
        self.backend_kwargs = backend_kwargs
        self._made: dict[Runtime, object] = {}

    def for_runtime(self, runtime: Runtime | str):
        from . import make_sandbox
        from .pool import SandboxPool

        runtime = Runtime(runtime)
        if runtime not in self._made:
            backend = make_sandbox(self.name, runtime=runtime, **self.backend_kwargs)
            self._made[runtime] = (SandboxPool(backend, size=self.pool, limits=default_limits(runtime))
                                   if self.pool else backend)
        return self._made[runtime]

    def close(self, timeout: float = 60.0) -> None:
        for sandbox in self._made.values():
            sandbox.close(timeout)
        self._made.clear()


def sandbox_for(sandbox, runtime: Runtime | str):
    """The sandbox to run a problem of `runtime` in: the set's, or `sandbox` itself when it runs that runtime.
    A sandbox of another runtime is the caller's mistake (a torch problem in the NumPy image would fail to
    import torch and blame the submission), never a verdict."""
    if hasattr(sandbox, "for_runtime"):
        return sandbox.for_runtime(runtime)
    if runtime_of(sandbox) is not Runtime(runtime):
        raise ValueError(f"a {runtime_of(sandbox)} sandbox cannot run a {runtime} problem: "
                         f"use make_sandbox(..., runtime={str(runtime)!r}) or a SandboxSet")
    return sandbox
