"""A real gunicorn (platform/mljudge/config/gunicorn.py, as the app image runs it) on the test database, for
tests that speak HTTP at the socket level: what Django's test client cannot send (short bodies, broken
multipart, 100 MB bodies) and what only a server process shows (its timeouts)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from .conftest import ROOT
from .pipeline.workers import database_url


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    def __init__(self, *, log_dir: Path, redis_url: str, env: dict | None = None):
        self.port = free_port()
        self.log = log_dir / f"gunicorn-{self.port}.log"
        self._log_file = open(self.log, "wb")
        full_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "mljudge.config.settings.test",
                    "PYTHONPATH": os.pathsep.join([str(ROOT / "platform"), str(ROOT)]),
                    "DATABASE_URL": database_url(), "REDIS_URL": redis_url,
                    "MLJUDGE_BIND": f"127.0.0.1:{self.port}", "MLJUDGE_WEB_WORKERS": "1", "MLJUDGE_WEB_THREADS": "4",
                    "MLJUDGE_VAR_DIR": str(log_dir), **(env or {})}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", str(ROOT / "platform/mljudge/config/gunicorn.py"),
             "mljudge.config.wsgi"], cwd=ROOT, env=full_env, stdout=self._log_file, stderr=subprocess.STDOUT,
            start_new_session=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                status, _, _ = self.request(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", timeout=2)
                if status == 200:
                    return
            except OSError:
                pass
            if self.proc.poll() is not None:
                break
            time.sleep(0.2)
        self.stop()
        raise AssertionError(f"gunicorn did not start\n{self.log.read_text(errors='replace')[-3000:]}")

    def request(self, head: bytes, body: bytes = b"", *, timeout: float = 30,
                then_wait: bool = True) -> tuple[int, dict, bytes]:
        """Sends head and body as they are (no fixing of lengths) and reads the whole answer."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as sock:
            sock.sendall(head)
            try:
                if body:
                    sock.sendall(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server answered before reading everything (a 413): read its answer
            return read_response(sock)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, 15)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, 9)
                self.proc.wait()
        self._log_file.close()


def read_response(sock: socket.socket) -> tuple[int, dict, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1]) if lines and lines[0] else 0
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    length = int(headers.get("content-length", "-1"))
    while length < 0 or len(rest) < length:
        try:
            chunk = sock.recv(65536)
        except (ConnectionResetError, TimeoutError):
            break
        if not chunk:
            break
        rest += chunk
    return status, headers, rest
