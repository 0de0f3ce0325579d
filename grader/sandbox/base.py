"""What every sandbox backend shares: the job, the limits, the result, and the driver that talks to the
harness over a channel and enforces time and output limits from the trusted side."""
from __future__ import annotations

import enum
import struct
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Protocol

from .. import codec
from .budget import Budget

MAGIC = b"MLJ1"
HARNESS_FILES = ("codec.py", "harness.py")
# The bootstrap reads two length-prefixed sources from stdin (the codec, then the harness) and runs them.
BOOT = (
    "import sys,types\n"
    "r=sys.stdin.buffer\n"
    "def m(n):\n"
    " s=r.read(int.from_bytes(r.read(8),'big'));o=types.ModuleType(n);sys.modules[n]=o\n"
    " exec(compile(s,n+'.py','exec'),o.__dict__);return o\n"
    "m('mljudge_codec');m('mljudge_harness').main()\n"
)


def harness_bundle() -> bytes:
    here = Path(__file__).resolve().parent.parent
    parts = []
    for name in HARNESS_FILES:
        src = (here / name).read_bytes()
        parts.append(struct.pack(">Q", len(src)) + src)
    return b"".join(parts)


class SandboxError(Exception):
    """Our failure, not the submission's: engine down, image missing, harness never started.
    Callers may retry; it is never reported as the user's fault."""

    def __init__(self, message: str, *, transient: bool = True):
        super().__init__(message)
        self.transient = transient


class Ending(enum.StrEnum):
    """How the run ended, as seen by the trusted side."""

    FINISHED = "finished"          # the harness reported every case and said done
    COMPILE_ERROR = "compile_error"
    TIMEOUT = "timeout"            # we killed it: a case or phase went past its CPU limit or wall backstop
    OOM = "oom"                    # the kernel's OOM killer killed it
    OUTPUT = "output"              # we killed it: too much output
    STOPPED = "stopped"            # a case ran out of time or memory (reported by the harness): the run ends
    EXITED = "exited"              # it ended by itself before reporting everything
    PROTOCOL = "protocol"          # something that is not a valid frame came down the result channel


@dataclass(frozen=True)
class Limits:
    time_per_case_s: float = 2.0    # CPU seconds (the submission's threads and children included)
    import_s: float = 10.0
    memory_mb: int = 256
    output_kb: int = 256           # stdout/stderr the submission may print
    result_mb: int = 64            # encoded results it may send back
    pids: int = 64
    cpus: float = 1.0


@dataclass(frozen=True)
class CaseInput:
    args: tuple | list
    kwargs: dict


@dataclass
class CaseRun:
    index: int
    status: str                    # ok | error | timeout | memory | bad_output | not_run
    value: Any = None
    message: str = ""
    time_s: float | None = None    # CPU seconds, measured on the trusted side where it can
    after: Any = None              # the harness's fingerprints of the arguments after the call


@dataclass
class RunResult:
    ending: Ending
    cases: list[CaseRun]
    compile_message: str = ""
    exit_code: int | None = None
    detail: str = ""               # why the run ended early, in words
    stderr: str = ""               # the tail of what the submission printed
    peak_memory_kb: int | None = None
    wall_time_s: float = 0.0
    startup_s: float = 0.0
    interrupted: int | None = None  # the case that was running when the run ended early


class Channel(Protocol):
    """A started sandbox process whose harness has said it is ready."""

    def send(self, data: bytes) -> None: ...

    def recv(self, timeout: float) -> tuple[str, bytes] | None:
        """('out' | 'err', bytes), ('eof', b'') when both streams closed, or None on timeout."""

    def kill(self) -> None: ...

    def finish(self) -> tuple[int | None, bool]:
        """Wait for the process, release everything; returns (exit code, killed by the OOM killer)."""

    def discard(self) -> None:
        """Kill and release everything in the background; the caller needs nothing more from it."""

    # Optional: `usage`, a callable giving (CPU seconds used, seconds spent waiting for a CPU) so far, read
    # from outside the sandbox (sandbox/cpu.py). Without it limits fall back to the harness's own CPU timer
    # and a wall backstop.


class _FrameParser:
    def __init__(self, limit: int):
        self.buf = bytearray()
        self.total = 0
        self.limit = limit

    def feed(self, data: bytes) -> None:
        self.total += len(data)
        self.buf += data

    def frames(self):
        while len(self.buf) >= 12:
            if self.buf[:4] != MAGIC:
                raise codec.CodecError("unframed bytes on the result channel")
            (n,) = struct.unpack(">Q", self.buf[4:12])
            if n > self.limit:
                raise codec.CodecError("result frame too large")
            if len(self.buf) < 12 + n:
                return
            data = bytes(self.buf[12:12 + n])
            del self.buf[:12 + n]
            message = codec.decode(data)
            if type(message) is not dict or type(message.get("type")) is not str:
                raise codec.CodecError("result frame is not a message")
            yield message


class _OutputTail:
    """Counts what the submission prints and keeps the last few KB of it."""

    KEEP = 8192

    def __init__(self, limit: int):
        self.limit = limit
        self.total = 0
        self.tail = bytearray()

    def add(self, data: bytes) -> None:
        self.total += len(data)
        self.tail += data
        del self.tail[:-self.KEEP]

    @property
    def over(self) -> bool:
        return self.total > self.limit


def wait_ready(channel: Channel, timeout: float) -> None:
    """Reads until the harness's ready frame; anything else means the sandbox is broken (our fault)."""
    parser = _FrameParser(1 << 20)
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        event = channel.recv(max(left, 0)) if left > 0 else None
        if event is None:
            raise SandboxError(f"the sandbox harness did not start within {timeout:.0f}s")
        kind, data = event
        if kind == "eof":
            raise SandboxError("the sandbox harness exited during start-up")
        if kind == "err":
            continue
        parser.feed(data)
        for message in parser.frames():
            if message["type"] == "ready":
                return
            raise SandboxError(f"unexpected {message['type']!r} frame during start-up")


class Backend:
    """A sandbox backend: `start` gives a ready channel; `run` is one submission in a fresh one."""

    name = "backend"

    def start(self, limits: Limits) -> Channel:
        raise NotImplementedError

    @staticmethod
    def handshake(channel: Channel) -> Channel:
        """Sends the harness to a just-started process and waits for it to be ready; cleans up if not."""
        try:
            channel.send(harness_bundle())
            wait_ready(channel, timeout=60)
        except BaseException:
            channel.kill()
            channel.finish()
            raise
        return channel

    def close(self, timeout: float = 60.0) -> None:
        """Waits until everything this backend started has been released (containers removed)."""

    def run(self, *, source: str, entry_point: str, cases: list[CaseInput], limits: Limits,
            on_case: Callable[[CaseRun], None] | None = None) -> RunResult:
        started = time.monotonic()
        channel = self.start(limits)
        return drive(channel, source=source, entry_point=entry_point, cases=cases, limits=limits,
                     started=started, on_case=on_case)


def drive(channel: Channel, *, source: str, entry_point: str, cases: list[CaseInput], limits: Limits,
          started: float, on_case: Callable[[CaseRun], None] | None = None) -> RunResult:
    """Sends the job to a ready harness and collects one CaseRun per case, enforcing limits. Times are CPU
    seconds. The first case that runs out of time or memory ends the run: the rest stay not_run."""
    job = {
        "source": source,
        "entry_point": entry_point,
        "import_limit": limits.import_s,
        "cases": [{"args": list(c.args), "kwargs": dict(c.kwargs), "time_limit": limits.time_per_case_s}
                  for c in cases],
    }
    payload = codec.encode(job)
    channel.send(struct.pack(">Q", len(payload)) + payload)

    runs = [CaseRun(index=i, status="not_run") for i in range(len(cases))]
    result = RunResult(ending=Ending.EXITED, cases=runs)
    parser = _FrameParser(limits.result_mb << 20)
    printed = _OutputTail(limits.output_kb << 10)
    gap_cpu = 0.5 + 0.25 * limits.time_per_case_s  # between frames the harness does little
    loaded = False
    current: int | None = None
    t0 = time.monotonic()
    budget = Budget(channel, limits.import_s)
    ending: Ending | None = None

    def kill(reason: Ending, detail: str) -> None:
        nonlocal ending
        channel.kill()
        ending = reason
        result.detail = detail

    while ending is None:
        why = budget.exceeded()
        if why:
            what = (f"case {current + 1}" if current is not None
                    else "the run" if loaded else "importing solution.py")
            kill(Ending.TIMEOUT, f"{what} {why} and was killed")
            break
        event = channel.recv(budget.wait())
        if event is None:
            continue
        kind, data = event
        if kind == "eof":
            ending = Ending.EXITED
            break
        if kind == "err":
            printed.add(data)
            if printed.over:
                kill(Ending.OUTPUT, f"printed more than {limits.output_kb} KB")
            continue
        parser.feed(data)
        budget.note_io()
        if parser.total > (limits.result_mb << 20):
            kill(Ending.OUTPUT, f"sent back more than {limits.result_mb} MB of results")
            continue
        try:
            for message in parser.frames():
                mtype = message["type"]
                if mtype == "compile_error" and not loaded:
                    result.compile_message = str(message.get("message", ""))
                    ending = Ending.COMPILE_ERROR
                elif mtype == "loaded" and not loaded:
                    loaded = True
                    budget = Budget(channel, gap_cpu)  # until the first start frame
                elif mtype == "start" and loaded and current is None and message.get("index") == _next(runs):
                    current = message["index"]
                    budget = Budget(channel, limits.time_per_case_s)
                elif mtype == "result" and current is not None and message.get("index") == current:
                    run = runs[current]
                    outside = budget.used()
                    if outside is None:  # no outside CPU clock: the harness's, bounded by our wall clock
                        outside = time.monotonic() - budget.t0
                    inside = message.get("time")
                    # The harness times the call alone and precisely; our clock also counts encoding the
                    # result, and the kernel's cgroup counter can lag a scheduler tick or two behind. The
                    # harness may claim less than we saw (plus that lag), never more; our clock enforces.
                    lag = 0.02 + 0.05 * outside
                    run.time_s = inside if type(inside) is float and 0.0 <= inside <= outside + lag else outside
                    run.status = message.get("status") if message.get("status") in (
                        "ok", "error", "timeout", "memory", "bad_output") else "bad_output"
                    run.value = message.get("value")
                    run.after = message.get("after")
                    run.message = str(message.get("message", ""))[:4000]
                    current = None
                    if on_case:
                        on_case(run)
                    if run.status in ("timeout", "memory"):
                        kill(Ending.STOPPED, f"case {run.index + 1} ran out of "
                                             f"{'time' if run.status == 'timeout' else 'memory'}: the run ends here")
                    budget = Budget(channel, gap_cpu)
                elif mtype == "done" and loaded and current is None and _next(runs) is None:
                    rss = message.get("maxrss_kb")
                    result.peak_memory_kb = rss if type(rss) is int else None
                    ending = Ending.FINISHED
                else:
                    raise codec.CodecError(f"unexpected {mtype!r} frame")
                if ending is not None:
                    break
        except codec.CodecError as exc:
            kill(Ending.PROTOCOL, f"the result channel was corrupted ({exc})")

    result.wall_time_s = time.monotonic() - t0
    if ending in (Ending.FINISHED, Ending.COMPILE_ERROR):
        # The harness flushed the submission's output before its last frame, but stdout and stderr travel
        # separately, so give stragglers a moment. The exit status no longer matters: no waiting for it.
        drain_until = time.monotonic() + 0.02
        while time.monotonic() < drain_until and not printed.over:
            event = channel.recv(drain_until - time.monotonic())
            if event is None or event[0] == "eof":
                break
            if event[0] == "err":
                printed.add(event[1])
        channel.discard()
        exit_code, oom = 0, False
    else:
        exit_code, oom = channel.finish()
    result.exit_code = exit_code
    if oom and ending not in (Ending.FINISHED, Ending.COMPILE_ERROR, Ending.STOPPED):
        ending = Ending.OOM
        result.detail = "killed by the out-of-memory killer"
    elif ending is Ending.EXITED:
        what = f"during case {current + 1}" if current is not None else (
            "after its last result" if loaded else "while importing solution.py")
        result.detail = f"the process exited {what} (exit code {exit_code})"
    if current is not None and ending is not Ending.FINISHED:
        used = budget.used()
        runs[current].time_s = used if used is not None else time.monotonic() - budget.t0
        result.interrupted = current
    result.ending = ending
    result.stderr = printed.tail.decode("utf-8", "replace")
    result.startup_s = t0 - started
    return result


def _next(runs: list[CaseRun]) -> int | None:
    for run in runs:
        if run.status == "not_run":
            return run.index
    return None
