"""One fresh, hardened, disposable container per submission, through docker-py."""
from __future__ import annotations

import os
import select
import socket
import struct
import threading
import time

from .base import BOOT, Backend, Limits, SandboxError
from .cpu import cgroup_reader
from .identity import process_identity, provably_dead
from .runtimes import IMAGES, Runtime

LABEL = "org.mljudge.sandbox"
OWNER_LABEL = "org.mljudge.owner"
DEFAULT_IMAGE = IMAGES[Runtime.NUMPY]
PYTHON = "/opt/venv/bin/python"
# Not secrets: keep BLAS single-threaded (pids limit, fair CPU) and Python quiet. Nothing of the host's.
SANDBOX_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
               "PYTHONDONTWRITEBYTECODE": "1", "HOME": "/tmp", "PYTHONHASHSEED": "0"}


def _docker():
    import docker
    import docker.errors

    return docker, docker.errors


class DockerSandbox(Backend):
    """Runs submissions in fresh containers. Create one per process and reuse it."""

    name = "docker"

    def __init__(self, image: str | None = None, *, runtime: Runtime | str = Runtime.NUMPY, client=None,
                 reap: bool = True):
        """One runtime's sandboxes: its runner image (sandbox/runtimes.py, IMAGES) unless `image` is given."""
        self.runtime = Runtime(runtime)
        image = image or IMAGES[self.runtime]
        docker, errors = _docker()
        self._errors = errors
        try:
            self.client = client or docker.from_env(version="auto", timeout=180)
            self.client.ping()
        except Exception as exc:
            raise SandboxError(f"the Docker engine is not reachable: {exc}") from exc
        self.image = image
        try:
            self.client.images.get(image)
        except errors.ImageNotFound:
            raise SandboxError(f"the runner image {image} is missing: run docker/build-runner.sh") from None
        except errors.DockerException as exc:
            raise SandboxError(f"the Docker engine failed: {exc}") from exc
        self.owner = process_identity()
        self._removing = 0  # removals under way; close() waits for them
        self._removed = threading.Condition()
        if reap:
            self.reap_orphans()

    def ping(self) -> bool:
        """Whether the engine answers now (a worker asks before it claims a row: grading.sandboxes). On a new
        connection, as a container start opens one: a kept-alive connection still answers while a stopping
        daemon has already closed its socket."""
        try:
            self.client.api.close()   # idle kept-alive connections only; requests in flight are not touched
            return bool(self.client.ping())
        except Exception:  # noqa: BLE001  (docker-py raises requests' errors too when the socket is gone)
            return False

    def reap_orphans(self) -> int:
        """Removes sandbox containers left behind by graders on this host that are no longer running.
        Best effort: another grader may be removing the same container (409), the engine may be slow; none
        of that may fail a grade, and whatever is left is tried again at the next start."""
        removed = 0
        try:
            listed = self.client.api.containers(all=True, filters={"label": LABEL})
        except Exception:
            return 0
        for c in listed:
            owner = (c.get("Labels") or {}).get(OWNER_LABEL, "")
            if provably_dead(owner):
                try:
                    self.client.api.remove_container(c["Id"], force=True)
                    removed += 1
                except Exception:
                    pass
        return removed

    def remove_later(self, cid: str) -> None:
        """Removes a container in the background; close() waits for every such removal."""
        def run() -> None:
            try:
                self._remove(cid)
            finally:
                with self._removed:
                    self._removing -= 1
                    self._removed.notify_all()

        with self._removed:
            self._removing += 1
        threading.Thread(target=run, name=f"remove-{cid[:12]}", daemon=True).start()

    def _remove(self, cid: str) -> None:
        for attempt in range(5):  # a loaded engine can time out; the start-up reaper is the last resort
            try:
                self.client.api.remove_container(cid, force=True)
                return
            except self._errors.NotFound:
                return
            except Exception:
                time.sleep(1 + attempt)

    def close(self, timeout: float = 60.0) -> None:
        """Waits until every container this sandbox started has been removed (at most `timeout` s)."""
        with self._removed:
            self._removed.wait_for(lambda: self._removing == 0, timeout=timeout)

    def start(self, limits: Limits) -> "DockerChannel":
        """Creates and starts a container and sends the harness; returns once the harness is ready."""
        api = self.client.api
        host_config = api.create_host_config(
            network_mode="none",
            read_only=True,
            tmpfs={"/tmp": "rw,noexec,nosuid,nodev,size=16m,mode=1777"},
            cap_drop=["ALL"],
            security_opt=["no-new-privileges"],
            pids_limit=limits.pids,
            mem_limit=f"{limits.memory_mb}m",
            memswap_limit=f"{limits.memory_mb}m",
            nano_cpus=int(limits.cpus * 1e9),
            init=True,
            ipc_mode="private",
            ulimits=[self._ulimit("nofile", 256), self._ulimit("fsize", 16 << 20), self._ulimit("core", 0)],
        )
        cid = None
        try:
            container = api.create_container(
                self.image, command=[PYTHON, "-I", "-c", BOOT], user="65534:65534", working_dir="/tmp",
                environment=SANDBOX_ENV, stdin_open=True, tty=False, network_disabled=True,
                labels={LABEL: "1", OWNER_LABEL: self.owner}, host_config=host_config)
            cid = container["Id"]
            sock = api.attach_socket(cid, params={"stdin": 1, "stdout": 1, "stderr": 1, "stream": 1})
            api.start(cid)
            pid = api.inspect_container(cid)["State"].get("Pid") or 0
        except self._errors.ImageNotFound:
            raise SandboxError(f"the runner image {self.image} is missing: run docker/build-runner.sh") from None
        except Exception as exc:  # docker-py raises requests' errors too when the engine goes away
            if cid:
                self.remove_later(cid)
            raise SandboxError(f"the Docker engine failed to start a container: {exc}") from exc
        channel = DockerChannel(self, cid, sock)
        channel.usage = cgroup_reader(pid) if pid else None
        return self.handshake(channel)

    @staticmethod
    def _ulimit(name: str, value: int):
        from docker.types import Ulimit

        return Ulimit(name=name, soft=value, hard=value)


class DockerChannel:
    def __init__(self, sandbox: DockerSandbox, cid: str, sock):
        self.sandbox = sandbox
        self.cid = cid
        self._raw = sock._sock  # docker-py hands back an HTTP-wrapped socket; framing is ours to do
        self._resp = sock
        self._buf = bytearray()
        self._eof = False
        self._killed = False
        self.started = time.time()
        self.stopped_from_outside = False  # set by finish(): see there
        self.usage = None  # the container's CPU clocks (sandbox.cpu), when this host can read them

    def send(self, data: bytes) -> None:
        try:
            self._raw.sendall(data)
        except OSError:
            pass  # the process is gone; the read side will see EOF and say why

    def recv(self, timeout: float):
        while True:
            if len(self._buf) >= 8:
                stream = self._buf[0]
                (size,) = struct.unpack(">I", self._buf[4:8])
                if len(self._buf) >= 8 + size:
                    data = bytes(self._buf[8:8 + size])
                    del self._buf[:8 + size]
                    return ("out" if stream == 1 else "err", data)
            if self._eof:
                return ("eof", b"")
            ready, _, _ = select.select([self._raw], [], [], max(timeout, 0))
            if not ready:
                return None
            try:
                chunk = self._raw.recv(1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                self._eof = True
            else:
                self._buf += chunk

    def alive(self) -> bool:
        """Cheap check before a pooled container is handed out: its stream is open (a dead container's
        attach socket reads as end of file) and the engine says it is running."""
        if self._eof or self._killed:
            return False
        try:
            ready, _, _ = select.select([self._raw], [], [], 0)
            if ready and not self._raw.recv(1, socket.MSG_PEEK):
                self._eof = True
                return False
            return bool(self.sandbox.client.api.inspect_container(self.cid)["State"].get("Running"))
        except Exception:  # noqa: BLE001  (the engine or the socket failed: not a sandbox to use)
            return False

    def kill(self) -> None:
        if self._killed:
            return
        self._killed = True
        # Hang up first: a daemon blocked writing output we no longer read holds the container, and the
        # kill request would wait behind it.
        self._hang_up()
        try:
            self.sandbox.client.api.kill(self.cid)
        except self.sandbox._errors.DockerException:
            pass  # already stopped

    def finish(self) -> tuple[int | None, bool]:
        api = self.sandbox.client.api
        self._hang_up()
        try:
            code = api.wait(self.cid, timeout=30)["StatusCode"]
            state = api.inspect_container(self.cid)["State"]
            oom = bool(state.get("OOMKilled"))
        except Exception:  # the engine hiccuped after the run: the results we hold are still valid
            code, oom = None, False
        # Who ended a container that stopped by itself, as far as the engine can tell: a `kill` it records
        # that we did not send (docker kill, docker stop, a daemon shutting down) or no answer at all (the
        # daemon restarting, the container removed) means the machine did, and the run is our failure, not
        # a verdict. A submission that kills its own process leaves no such record (a runtime error), and
        # the kernel's OOM killer inside our limit sets OOMKilled (a memory verdict). Not told apart: the
        # host's OOM killer outside our limit, which also sets OOMKilled (hosts need memory headroom).
        self.stopped_from_outside = not self._killed and (code is None or self._engine_killed())
        # Removal takes a while and the grade does not wait for it; close() does, and the reaper catches
        # any that fail.
        self.sandbox.remove_later(self.cid)
        return code, oom

    def _engine_killed(self) -> bool:
        try:
            events = self.sandbox.client.api.events(
                since=int(self.started) - 1, until=f"{time.time():.9f}", decode=True,
                filters={"container": self.cid, "event": "kill"})
            return any(True for _ in events)
        except Exception:  # noqa: BLE001  (the engine cannot say: it is in trouble, not the submission)
            return True

    def discard(self) -> None:
        self._hang_up()
        self.sandbox.remove_later(self.cid)  # force-removal kills it too

    def _hang_up(self) -> None:
        # shutdown, not just close: docker-py's response object still references the fd.
        for step in (lambda: self._raw.shutdown(socket.SHUT_RDWR), self._raw.close, self._resp.close):
            try:
                step()
            except OSError:
                pass
