"""Sandboxes: where submitted code runs. `docker` is the real one; `local` is for authoring only."""
from .base import CaseInput, CaseRun, CaseStatus, Ending, Limits, RunResult, SandboxError
from .pool import SandboxPool
from .runtimes import Runtime, SandboxSet, default_limits, sandbox_for


def make_sandbox(name: str, **kwargs):
    """The backend called `name`: 'docker' (isolated) or 'local' (UNSAFE, explicit opt-in only), for one runtime
    (`runtime="numpy"` by default, or "torch"): its image, and what its harness imports before a job."""
    if name == "docker":
        from .docker_backend import DockerSandbox

        return DockerSandbox(**kwargs)
    if name == "local":
        from .local_backend import LocalSandbox

        return LocalSandbox(**kwargs)
    raise ValueError(f"unknown sandbox {name!r}: choose 'docker' or 'local'")


__all__ = ["CaseInput", "CaseRun", "CaseStatus", "Ending", "Limits", "RunResult", "Runtime", "SandboxError",
           "SandboxPool", "SandboxSet", "default_limits", "make_sandbox", "sandbox_for"]
