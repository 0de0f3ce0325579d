"""Real Celery worker processes for the pipeline tests: same code, same Redis, the test database."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from django.db import connection

from ..conftest import PROBLEMS, ROOT


def database_url() -> str:
    """A URL for the database this test run is using (pytest-django's test database)."""
    s = connection.settings_dict
    if s["ENGINE"].endswith("sqlite3"):
        name = str(s["NAME"])
        assert name != ":memory:" and "mode=memory" not in name, "the worker needs a file database"
        return f"sqlite:///{name}"
    if "postgresql" in s["ENGINE"]:
        return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
    raise AssertionError(f"unsupported database engine {s['ENGINE']}")


def on_host(host: str, cmd: list[str]) -> list[str]:
    """cmd run as if on another machine named `host`: in a UTS namespace of its own (root only), so that
    socket.gethostname(), and with it the grader's process identities and Celery's %h, say `host`. The
    network, PIDs and files stay shared: the "hosts" reach the same Redis, PostgreSQL and Docker engine."""
    return ["unshare", "--uts", "sh", "-c", 'hostname "$1" && shift && exec "$@"', "sh", host, *cmd]


class Worker:
    def __init__(self, *, queue: str, redis_url: str, log_dir: Path, pool: str = "prefork", beat: bool = False,
                 env: dict | None = None, name: str = "w", sweeper: bool = False, host: str | None = None):
        """A grading worker on `queue`; with sweeper=True the small worker of the sweep queue instead (solo
        pool, never a sandbox), as scripts/run.sh starts it (beat=True: with the beat schedule); host: run as
        if on another machine of that name (on_host)."""
        self.log = log_dir / f"worker-{name}-{uuid.uuid4().hex[:6]}.log"
        consumes = sweep_queue(queue) if sweeper else queue
        pool = "solo" if sweeper else pool
        cmd = [sys.executable, "-m", "celery", "-A", "mljudge.config", "worker", "-Q", consumes, "-l", "INFO",
               "--concurrency=1", f"--pool={pool}", "--without-gossip", "--without-mingle", "--without-heartbeat",
               "-n", f"{name}-{uuid.uuid4().hex[:6]}@%h"]
        if beat:
            cmd += ["-B", "-s", str(log_dir / f"beat-{uuid.uuid4().hex[:6]}")]
        full_env = {**os.environ,
                    "DJANGO_SETTINGS_MODULE": "mljudge.config.settings.test",
                    "PYTHONPATH": os.pathsep.join([str(ROOT / "platform"), str(ROOT)]),
                    "DATABASE_URL": database_url(), "REDIS_URL": redis_url, "MLJUDGE_QUEUE": queue,
                    "MLJUDGE_PROBLEMS_DIR": str(PROBLEMS), "MLJUDGE_SANDBOX": "docker",
                    "MLJUDGE_VAR_DIR": str(log_dir), **(env or {})}
        if host:
            cmd = on_host(host, cmd)
        self._log_file = open(self.log, "wb")
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=full_env, stdout=self._log_file, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def kill(self) -> None:
        """SIGKILL to the whole worker (main process and children): nothing gets to clean up."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()
            except ProcessLookupError:
                pass
        self._log_file.close()


def sweep_queue(queue: str) -> str:
    """The sweep queue of a test run whose grading queue is `queue` (settings/test.py)."""
    return f"{queue}-sweep"


def wait_for(predicate, *, timeout: float, what: str, worker: Worker | None = None, every: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    tail = worker.output()[-4000:] if worker else ""
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}\n--- worker log ---\n{tail}")
