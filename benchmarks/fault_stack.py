"""A private mljudge stack for benchmarks/fault_recovery.py: its own redis-server, PostgreSQL cluster, dockerd and
Celery workers, on free loopback ports, with data under var/fault/. It never touches the shared services (the
PostgreSQL on 55432, the Redis on 56379, the system dockerd): a fault injected here hurts nobody else.

Every process is started in its own process group and stopped by that group's id; every wait is bounded."""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "fault"
PY = str(ROOT / ".venv" / "bin" / "python")
PG_BIN = Path("/usr/lib/postgresql/15/bin")
DOCKER_SOCK = "/var/run/mljudge-fault.sock"
DOCKER_HOST = f"unix://{DOCKER_SOCK}"
DOCKER_EXEC_ROOT = "/var/run/mljudge-fault"
DOCKER_PIDFILE = "/var/run/mljudge-fault.pid"
RUNNER_IMAGE = "mljudge-runner:latest"
PROBLEMS = ("softmax", "kmeans", "dot-product-similarity")   # small NumPy problems
SANDBOX_LABEL = "org.mljudge.sandbox"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(check, *, timeout: float, every: float = 0.25, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if check():
                return
        time.sleep(every)
    raise TimeoutError(f"{what or 'condition'} not reached within {timeout:.0f} s")


def stop_group(proc: subprocess.Popen | None, *, sig: int = signal.SIGTERM, timeout: float = 20) -> None:
    """Stops a process started with start_new_session (its group id is its pid): `sig`, then SIGKILL."""
    if proc is None or proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, sig)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def _spawn(args: list[str], *, log: Path, env: dict | None = None, user: str | None = None) -> subprocess.Popen:
    log.parent.mkdir(parents=True, exist_ok=True)
    if user:
        args = ["runuser", "-u", user, "--", *args]
    with open(log, "ab") as out:
        return subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True,
                                cwd=ROOT)


@dataclass
class Stack:
    """The private services and workers. start() brings everything up; close() takes everything down."""

    redis_port: int = field(default_factory=free_port)
    pg_port: int = field(default_factory=free_port)
    aof: bool = False
    redis: subprocess.Popen | None = None
    dockerd: subprocess.Popen | None = None
    workers: dict[str, subprocess.Popen] = field(default_factory=dict)

    # --- environment -------------------------------------------------------------------------------
    @property
    def database_url(self) -> str:
        return f"postgres://mljudge@127.0.0.1:{self.pg_port}/mljudge"

    @property
    def redis_url(self) -> str:
        return f"redis://127.0.0.1:{self.redis_port}/0"

    def env(self, **extra: str) -> dict:
        """What every process of the stack runs with (the benchmark's own Django too)."""
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("MLJUDGE_", "DJANGO_", "CELERY_")) and k not in ("DATABASE_URL", "REDIS_URL")}
        env.update(
            DJANGO_SETTINGS_MODULE="mljudge.config.settings.dev", MLJUDGE_DEBUG="0",
            PYTHONPATH=f"{ROOT / 'platform'}:{ROOT}", DATABASE_URL=self.database_url, REDIS_URL=self.redis_url,
            DOCKER_HOST=DOCKER_HOST, MLJUDGE_VAR_DIR=str(VAR / "var"), MLJUDGE_PROBLEMS_DIR=str(VAR / "problems"),
            MLJUDGE_SANDBOX="docker", MLJUDGE_MAX_IN_FLIGHT="100000", MLJUDGE_DAILY_LIMIT="100000",
            PYTHONUNBUFFERED="1", **extra)
        return env

    def docker(self, *args: str, check: bool = True, timeout: float = 120) -> str:
        out = subprocess.run(["docker", "-H", DOCKER_HOST, *args], capture_output=True, text=True, timeout=timeout)
        if check and out.returncode:
            raise RuntimeError(f"docker {' '.join(args)}: {out.stderr.strip()}")
        return out.stdout

    # --- Redis ---------------------------------------------------------------------------------------
    def redis_start(self) -> None:
        data = VAR / "redis"
        data.mkdir(parents=True, exist_ok=True)
        self.redis = _spawn(["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1",
                             "--dir", str(data), "--save", "", "--appendonly", "yes" if self.aof else "no",
                             "--appendfsync", "everysec", "--protected-mode", "no"], log=VAR / "log" / "redis.log")
        wait_until(lambda: self.redis_cli("PING") == "PONG", timeout=20, what="redis up")

    def redis_cli(self, *args: str) -> str:
        out = subprocess.run(["redis-cli", "-p", str(self.redis_port), *args], capture_output=True, text=True,
                             timeout=10)
        return out.stdout.strip()

    def redis_persistence(self, *, aof: bool) -> None:
        """AOF on or off from now on (CONFIG SET rewrites the file at once when switched on)."""
        self.aof = aof
        self.redis_cli("CONFIG", "SET", "appendonly", "yes" if aof else "no")
        if aof:
            wait_until(lambda: "aof_rewrite_in_progress:0" in self.redis_cli("INFO", "persistence"),
                       timeout=30, what="AOF rewrite")

    def redis_crash(self) -> None:
        stop_group(self.redis, sig=signal.SIGKILL)

    # --- PostgreSQL -----------------------------------------------------------------------------------
    def _pg_ctl(self, *args: str, timeout: float = 90) -> None:
        subprocess.run(["runuser", "-u", "postgres", "--", str(PG_BIN / "pg_ctl"), "-D", str(VAR / "pg"), *args],
                       check=True, timeout=timeout, capture_output=True, cwd="/tmp")

    def pg_start(self) -> None:
        data, sock, logs = VAR / "pg", VAR / "pgsock", VAR / "pglog"
        for folder in (sock, logs):   # written by the postgres user
            folder.mkdir(parents=True, exist_ok=True)
            shutil.chown(folder, "postgres", "postgres")
        if not (data / "PG_VERSION").exists():
            data.mkdir(parents=True, exist_ok=True)
            shutil.chown(data, "postgres", "postgres")
            data.chmod(0o700)
            subprocess.run(["runuser", "-u", "postgres", "--", str(PG_BIN / "initdb"), "-D", str(data), "-U",
                            "mljudge", "--auth=trust", "-E", "UTF8", "--no-sync"], check=True, timeout=120,
                           capture_output=True, cwd="/tmp")
        opts = f"-p {self.pg_port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={sock}"
        self._pg_ctl("-l", str(logs / "postgres.log"), "-w", "-t", "60", "-o", opts, "start")

    def pg_stop(self) -> None:
        self._pg_ctl("-m", "fast", "-w", "-t", "60", "stop")

    def pg_running(self) -> bool:
        return subprocess.run(["runuser", "-u", "postgres", "--", str(PG_BIN / "pg_ctl"), "-D", str(VAR / "pg"),
                               "status"], capture_output=True, cwd="/tmp").returncode == 0

    def psql(self, sql: str) -> str:
        out = subprocess.run([str(PG_BIN / "psql"), "-h", "127.0.0.1", "-p", str(self.pg_port), "-U", "mljudge",
                              "-d", "postgres", "-Atc", sql], capture_output=True, text=True, timeout=60)
        if out.returncode:
            raise RuntimeError(out.stderr)
        return out.stdout.strip()

    # --- dockerd --------------------------------------------------------------------------------------
    def dockerd_start(self) -> None:
        (VAR / "docker").mkdir(parents=True, exist_ok=True)
        # A pidfile left by a killed run would stop dockerd from starting; it is ours (this path) only.
        with contextlib.suppress(FileNotFoundError):
            Path(DOCKER_PIDFILE).unlink()
        self.dockerd = _spawn(["dockerd", "--data-root", str(VAR / "docker"), "--exec-root", DOCKER_EXEC_ROOT,
                               "--host", DOCKER_HOST, "--pidfile", DOCKER_PIDFILE, "--bridge", "none",
                               "--iptables=false", "--ip-masq=false", "--cgroup-parent", "mljudge-fault"],
                              log=VAR / "log" / "dockerd.log")
        wait_until(lambda: self.docker("version", "--format", "{{.Server.Version}}", timeout=10), timeout=90,
                   what="private dockerd up")

    def dockerd_stop(self) -> None:
        stop_group(self.dockerd, timeout=60)

    def runner_image_load(self) -> None:
        """Copies the runner image from the system engine once (kept in var/fault/docker between runs)."""
        inspect = subprocess.run(["docker", "-H", DOCKER_HOST, "image", "inspect", RUNNER_IMAGE],
                                 capture_output=True, timeout=30)
        if inspect.returncode == 0:
            return
        print(f"loading {RUNNER_IMAGE} into the private dockerd (once)", flush=True)
        save = subprocess.Popen(["docker", "save", RUNNER_IMAGE], stdout=subprocess.PIPE)
        subprocess.run(["docker", "-H", DOCKER_HOST, "load"], stdin=save.stdout, check=True, timeout=900,
                       capture_output=True)
        save.wait(timeout=60)

    def sandboxes(self, *, running_only: bool = False) -> list[dict]:
        """The private engine's sandbox containers: id, running, owner (grader process identity)."""
        args = ["ps", "-q", "--filter", f"label={SANDBOX_LABEL}"] + ([] if running_only else ["-a"])
        ids = self.docker(*args, timeout=30).split()
        if not ids:
            return []
        fmt = '{{.Id}} {{.State.Running}} {{index .Config.Labels "org.mljudge.owner"}}'
        rows = []
        for line in self.docker("inspect", "--format", fmt, *ids, check=False, timeout=30).splitlines():
            cid, running, owner = (line.split(" ", 2) + ["", ""])[:3]
            rows.append({"id": cid, "running": running == "true", "owner": owner})
        return rows

    # --- the database, the problems -------------------------------------------------------------------
    def prepare(self) -> None:
        if not self.psql("SELECT 1 FROM pg_database WHERE datname = 'mljudge'"):
            self.psql("CREATE DATABASE mljudge")
        problems = VAR / "problems"
        problems.mkdir(parents=True, exist_ok=True)
        for slug in PROBLEMS:
            link = problems / slug
            if not link.exists():
                link.symlink_to(ROOT / "problems" / slug)
        for args in (["migrate", "--no-input", "-v", "0"], ["sync_problems", "--strict"]):
            subprocess.run([PY, "manage.py", *args], check=True, env=self.env(), cwd=ROOT, timeout=600,
                           stdout=subprocess.DEVNULL)

    # --- Celery ----------------------------------------------------------------------------------------
    def worker_start(self, name: str, *, queues: str, concurrency: int = 1, solo: bool = False,
                     skew_s: float = 0.0) -> None:
        """A Celery worker as scripts/run.sh starts it, through benchmarks/skewed_clock.py (which moves this
        process's clock by skew_s and does nothing else)."""
        args = [PY, str(ROOT / "benchmarks" / "skewed_clock.py"), "-A", "mljudge.config", "worker", "-l", "INFO",
                "-Q", queues, "-n", f"{name}@%h"]
        args += ["--pool=solo"] if solo else [f"--concurrency={concurrency}"]
        env = self.env(MLJUDGE_FAULT_CLOCK_SKEW_S=str(skew_s)) if skew_s else self.env()
        self.workers[name] = _spawn(args, log=VAR / "log" / f"worker-{name}.log", env=env)

    def beat_start(self) -> None:
        self.workers["beat"] = _spawn([PY, "-m", "celery", "-A", "mljudge.config", "beat", "-l", "INFO", "-s",
                                       str(VAR / "var" / "celerybeat-schedule")], log=VAR / "log" / "beat.log",
                                      env=self.env())

    def worker_stop(self, name: str, *, sig: int = signal.SIGTERM) -> None:
        stop_group(self.workers.pop(name, None), sig=sig, timeout=60)

    def workers_start(self) -> None:
        self.worker_start("grading", queues="mljudge", concurrency=2)
        self.worker_start("rejudge", queues="mljudge-rejudge")
        self.worker_start("sweep", queues="mljudge-sweep", solo=True)
        self.beat_start()

    def log_count(self, needle: str) -> int:
        """How many lines of the workers' logs contain `needle` (logs are appended to, run after run)."""
        return sum(p.read_text(errors="replace").count(needle) for p in (VAR / "log").glob("worker-*.log"))

    # --- whole ---------------------------------------------------------------------------------------
    def start(self) -> None:
        for folder in ("log", "var"):
            (VAR / folder).mkdir(parents=True, exist_ok=True)
        for log in (VAR / "log").glob("*.log"):
            log.unlink()
        shutil.rmtree(VAR / "redis", ignore_errors=True)
        self.redis_start()
        self.pg_start()
        self.dockerd_start()
        self.runner_image_load()
        self.prepare()
        self.workers_start()

    def close(self) -> None:
        """Everything down, whatever state it is in (also after Ctrl-C); each step on its own."""
        for name in list(self.workers):
            with contextlib.suppress(Exception):
                self.worker_stop(name)
        with contextlib.suppress(Exception):
            if self.dockerd and self.dockerd.poll() is None:
                left = [c["id"] for c in self.sandboxes()]
                if left:
                    self.docker("rm", "-f", *left, check=False)
        with contextlib.suppress(Exception):
            self.dockerd_stop()
        with contextlib.suppress(Exception):
            if self.pg_running():
                self.pg_stop()
        with contextlib.suppress(Exception):
            stop_group(self.redis)


if __name__ == "__main__":
    sys.exit("run benchmarks/fault_recovery.py")
