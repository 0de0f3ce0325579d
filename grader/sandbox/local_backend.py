"""A plain subprocess with rlimits: for authoring and tests on machines without Docker.

UNSAFE FOR UNTRUSTED CODE. The submission runs as this user, sees this filesystem and the network. It is
never chosen silently: callers must ask for it by name (`--sandbox local`)."""
from __future__ import annotations

import os
import resource
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading

from .base import BOOT, Backend, Limits
from .cpu import process_reader
from .runtimes import Runtime

WARNING = "the local sandbox runs submissions as this user with no isolation: never use it for untrusted code"


class LocalSandbox(Backend):
    name = "local"

    def __init__(self, python: str = sys.executable, *, runtime: Runtime | str = Runtime.NUMPY):
        self.python = python
        self.runtime = Runtime(runtime)  # this interpreter must be able to import it (torch: the `torch` extra)

    def start(self, limits: Limits) -> "LocalChannel":
        workdir = tempfile.mkdtemp(prefix="mljudge-local-")

        def preexec() -> None:
            mem = limits.memory_mb << 20
            # Address space, not RSS: NumPy reserves more than it touches, so allow headroom.
            resource.setrlimit(resource.RLIMIT_AS, (mem * 4, mem * 4))
            resource.setrlimit(resource.RLIMIT_FSIZE, (16 << 20, 16 << 20))
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            os.setsid()

        env = {"PATH": "/usr/bin:/bin", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
               "MKL_NUM_THREADS": "1", "PYTHONDONTWRITEBYTECODE": "1", "HOME": workdir}
        proc = subprocess.Popen([self.python, "-I", "-c", BOOT], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, cwd=workdir, env=env, preexec_fn=preexec)
        return self.handshake(LocalChannel(proc, workdir))


class LocalChannel:
    def __init__(self, proc: subprocess.Popen, workdir: str):
        self.proc = proc
        self.workdir = workdir
        self._open = {proc.stdout.fileno(): "out", proc.stderr.fileno(): "err"}
        self.usage = process_reader(proc.pid)

    def send(self, data: bytes) -> None:
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            pass

    def recv(self, timeout: float):
        if not self._open:
            return ("eof", b"")
        ready, _, _ = select.select(list(self._open), [], [], max(timeout, 0))
        if not ready:
            return None
        fd = ready[0]
        data = os.read(fd, 1 << 16)
        if not data:
            del self._open[fd]
            return self.recv(timeout)
        return (self._open[fd], data)

    def alive(self) -> bool:
        return self.proc.poll() is None and bool(self._open)

    def kill(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    def discard(self) -> None:
        threading.Thread(target=self.finish, daemon=True).start()

    def finish(self) -> tuple[int | None, bool]:
        try:
            code = self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()
            code = self.proc.wait()
        self.kill()  # anything it forked
        for f in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                f.close()
            except OSError:
                pass
        shutil.rmtree(self.workdir, ignore_errors=True)
        return code, False
