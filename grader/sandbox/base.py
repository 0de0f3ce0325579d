"""What every sandbox backend shares: the job, the limits, the result, and the driver that talks to the
harness over a channel and enforces time and output limits from the trusted side."""
from __future__ import annotations

import enum
import queue
import struct
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Protocol

from .. import codec
from .budget import Budget

MAGIC = b"MLJ1"
HARNESS_FILES = ("codec.py", "torchrun.py", "harness.py")
# The bootstrap reads three length-prefixed sources from stdin (the codec, the torch procedures, the harness),
# runs them, and starts the harness with the runtime named last.
BOOT = (
    "import sys,types\n"
    "r=sys.stdin.buffer\n"
    "def b():return r.read(int.from_bytes(r.read(8),'big'))\n"
    "def m(n):\n"
    " s=b();o=types.ModuleType(n);sys.modules[n]=o\n"
    " exec(compile(s,n+'.py','exec'),o.__dict__);return o\n"
    "m('mljudge_codec');m('mljudge_torch');m('mljudge_harness').main(b().decode())\n"
)


def harness_bundle(runtime: str = "numpy") -> bytes:
    here = Path(__file__).resolve().parent.parent
    parts = []
    for src in [(here / name).read_bytes() for name in HARNESS_FILES] + [str(runtime).encode()]:
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

    # Fixed when a container starts (the rest are the harness's, per job): a pooled, pre-started sandbox
    # serves a problem only if these match its pool's.
    CONTAINER_FIELDS = ("memory_mb", "pids", "cpus")

    def container_differences(self, other: Limits) -> list[str]:
        """The container-level limits in which this differs from `other`, as 'memory_mb 768 (not 1024)'."""
        return [f"{name} {getattr(self, name)} (not {getattr(other, name)})" for name in self.CONTAINER_FIELDS
                if getattr(self, name) != getattr(other, name)]


@dataclass(frozen=True)
class CaseInput:
    args: tuple | list
    kwargs: dict
    spec: dict | None = None       # module/autograd problems: what the procedure needs besides the arguments


class CaseStatus(enum.StrEnum):
    """How one case ended, as the trusted side records it."""

    OK = "ok"
    ERROR = "error"                # the call raised
    TIMEOUT = "timeout"
    MEMORY = "memory"
    BAD_OUTPUT = "bad_output"      # the result could not be sent back, or the harness said something unknown
    NOT_RUN = "not_run"            # ours alone: a result frame never says it


# What a result frame may report. The harness is untrusted and sends strings: the driver maps anything else
# (not_run included) to bad_output.
REPORTED_STATUSES = tuple(s.value for s in CaseStatus if s is not CaseStatus.NOT_RUN)


@dataclass
class CaseRun:
    index: int
    status: CaseStatus
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

    # Optional: `alive()`, a cheap check that a ready sandbox can still take a job (SandboxPool.acquire);
    # `stopped_from_outside`, set by finish() when the machine, not the submission, ended the process.
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
    runtime = "numpy"  # a grader.sandbox.runtimes.Runtime: what the harness imports before the job arrives

    def start(self, limits: Limits) -> Channel:
        raise NotImplementedError

    def handshake(self, channel: Channel) -> Channel:
        """Sends the harness to a just-started process and waits for it to be ready; cleans up if not."""
        try:
            channel.send(harness_bundle(self.runtime))
            wait_ready(channel, timeout=60)
        except BaseException:
            channel.kill()
            channel.finish()
            raise
        return channel

    def close(self, timeout: float = 60.0) -> None:
        """Waits until everything this backend started has been released (containers removed)."""

    def run(self, *, source: str, entry_point: str, cases: list[CaseInput], limits: Limits,
            on_case: Callable[[CaseRun], None] | None = None, options: dict | None = None) -> RunResult:
        channel = self.start(limits)
        return drive(channel, source=source, entry_point=entry_point, cases=cases, limits=limits, on_case=on_case,
                     options=options)


def drive(channel: Channel, *, source: str, entry_point: str, cases: list[CaseInput], limits: Limits,
          on_case: Callable[[CaseRun], None] | None = None, options: dict | None = None) -> RunResult:
    """Sends the job to a ready harness and collects one CaseRun per case, enforcing limits. Times are CPU
    seconds. The first case that runs out of time or memory ends the run: the rest stay not_run.

    on_case(run) is called on the caller's thread as each case's result arrives, while a reader thread keeps
    reading the channel and timing the next case: judging and the caller's writes (a database UPDATE per
    test) never stretch a case's clock. If on_case raises, the sandbox is killed and released, then the
    exception propagates. The channel is released whatever happens."""
    session = _Session(channel, cases=cases, limits=limits, options=options)
    if on_case is None:
        return session.run(source=source, entry_point=entry_point)
    reader = threading.Thread(target=session.run_quietly, kwargs={"source": source, "entry_point": entry_point},
                              name="mljudge-drive", daemon=True)
    reader.start()
    try:
        while (run := session.delivered.get()) is not None:
            on_case(run)
    except BaseException:
        session.abort()
        raise
    finally:
        reader.join()
    if session.error is not None:
        raise session.error
    return session.result


class _Phase(enum.Enum):
    IMPORTING = "importing solution.py"   # until the harness says "loaded" (or compile_error)
    BETWEEN = "between cases"             # loaded; waiting for the next "start" (or "done")
    IN_CASE = "in a case"                 # between a case's "start" and its "result"
    OVER = "over"


class _Session:
    """One run of a job in a ready harness, as a small state machine. Each frame is legal in exactly one
    phase (anything else is a protocol error); each phase has its own CPU budget (budget.py). The session
    ends with an Ending, and always releases the channel."""

    def __init__(self, channel: Channel, *, cases: list[CaseInput], limits: Limits, options: dict | None = None):
        self.channel = channel
        self.options = options or {}  # the job's procedure: {"kind": …, "tensors": …} (torch runtime)
        self.cases = cases
        self.limits = limits
        self.runs = [CaseRun(index=i, status=CaseStatus.NOT_RUN) for i in range(len(cases))]
        self.result = RunResult(ending=Ending.EXITED, cases=self.runs)
        self.parser = _FrameParser(limits.result_mb << 20)
        self.printed = _OutputTail(limits.output_kb << 10)
        self.gap_cpu = 0.5 + 0.25 * limits.time_per_case_s  # between frames the harness does little
        self.phase = _Phase.IMPORTING
        self.current: int | None = None
        self.budget = Budget(channel, limits.import_s)
        self.since_last_frame = self.budget  # the budget of the phase before the current case
        self.ending: Ending | None = None
        self.delivered: queue.SimpleQueue[CaseRun | None] = queue.SimpleQueue()
        self.aborted = False
        self.error: BaseException | None = None

    # --- the loop ---------------------------------------------------------------------------------------

    def run_quietly(self, **job) -> None:
        try:
            self.run(**job)
        except BaseException as exc:  # handed to the caller's thread by drive()
            self.error = exc
        finally:
            self.delivered.put(None)

    def run(self, *, source: str, entry_point: str) -> RunResult:
        t0 = time.monotonic()
        try:
            self._send_job(source, entry_point)
            while self.ending is None:
                self._step()
        except BaseException:
            self.channel.kill()
            self.channel.finish()
            raise
        self.result.wall_time_s = time.monotonic() - t0
        self._release()
        return self.result

    def abort(self) -> None:
        """The caller gave up (on_case raised): end the run at the next look."""
        self.aborted = True

    def _send_job(self, source: str, entry_point: str) -> None:
        job = {
            "source": source,
            "entry_point": entry_point,
            "import_limit": self.limits.import_s,
            "cases": [{"args": list(c.args), "kwargs": dict(c.kwargs), "time_limit": self.limits.time_per_case_s,
                       **({"spec": c.spec} if c.spec else {})}
                      for c in self.cases],
            **self.options,
        }
        payload = codec.encode(job)
        self.channel.send(struct.pack(">Q", len(payload)) + payload)

    def _step(self) -> None:
        if self.aborted:
            self._kill(Ending.PROTOCOL, "the grader stopped the run")
            return
        why = self.budget.exceeded()
        if why:
            what = (f"case {self.current + 1}" if self.phase is _Phase.IN_CASE
                    else "importing solution.py" if self.phase is _Phase.IMPORTING else "the run")
            self._kill(Ending.TIMEOUT, f"{what} {why} and was killed")
            return
        event = self.channel.recv(min(self.budget.wait(), 0.25))
        if event is None:
            return
        kind, data = event
        if kind == "eof":
            self.ending = Ending.EXITED
        elif kind == "err":
            self.printed.add(data)
            if self.printed.over:
                self._kill(Ending.OUTPUT, f"printed more than {self.limits.output_kb} KB")
        else:
            self._received(data)

    def _received(self, data: bytes) -> None:
        self.parser.feed(data)
        self.budget.note_io()
        if self.parser.total > (self.limits.result_mb << 20):
            self._kill(Ending.OUTPUT, f"sent back more than {self.limits.result_mb} MB of results")
            return
        try:
            for message in self.parser.frames():
                self._frame(message)
                if self.ending is not None:
                    return
        except codec.CodecError as exc:
            self._kill(Ending.PROTOCOL, f"the result channel was corrupted ({exc})")

    # --- frames, one handler per phase ------------------------------------------------------------------

    def _frame(self, message: dict) -> None:
        mtype, phase = message["type"], self.phase
        if phase is _Phase.IMPORTING and mtype == "compile_error":
            self.result.compile_message = str(message.get("message", ""))
            self.ending = Ending.COMPILE_ERROR
        elif phase is _Phase.IMPORTING and mtype == "loaded":
            self._enter(_Phase.BETWEEN, self.gap_cpu)  # until the first start frame
        elif phase is _Phase.BETWEEN and mtype == "start" and message.get("index") == _next(self.runs):
            self.current = message["index"]
            self.since_last_frame = self.budget
            self._enter(_Phase.IN_CASE, self.limits.time_per_case_s)
        elif phase is _Phase.IN_CASE and mtype == "result" and message.get("index") == self.current:
            self._case_result(message)
        elif phase is _Phase.BETWEEN and mtype == "done" and _next(self.runs) is None:
            rss = message.get("maxrss_kb")
            self.result.peak_memory_kb = rss if type(rss) is int else None
            self.ending = Ending.FINISHED
        else:
            raise codec.CodecError(f"unexpected {mtype!r} frame {phase.value}")

    def _enter(self, phase: _Phase, cpu_s: float) -> None:
        self.phase = phase
        self.budget = Budget(self.channel, cpu_s)

    def _case_result(self, message: dict) -> None:
        run = self.runs[self.current]
        outside = self.budget.used()
        ceiling = self.since_last_frame.used()
        if outside is None:  # no outside CPU clock: the harness's, bounded by our wall clock
            outside = time.monotonic() - self.budget.t0
            ceiling = time.monotonic() - self.since_last_frame.t0
        inside = message.get("time")
        # The harness times the call alone and precisely. Our clock starts when we read the start frame, which
        # on a busy host can be a while after the call began, and also counts encoding the result; the cgroup
        # counter can lag a tick or two. So the harness may claim up to all the CPU used since the frame before
        # the start (plus that lag), never more; our own clock enforces the limit.
        lag = 0.02 + 0.05 * ceiling
        run.time_s = inside if type(inside) is float and 0.0 <= inside <= ceiling + lag else outside
        status = message.get("status")
        run.status = CaseStatus(status) if status in REPORTED_STATUSES else CaseStatus.BAD_OUTPUT
        run.value = message.get("value")
        run.after = message.get("after")
        run.message = str(message.get("message", ""))[:4000]
        self.current = None
        self._enter(_Phase.BETWEEN, self.gap_cpu)
        self.delivered.put(run)
        if run.status in (CaseStatus.TIMEOUT, CaseStatus.MEMORY):
            what = "time" if run.status is CaseStatus.TIMEOUT else "memory"
            self._kill(Ending.STOPPED, f"case {run.index + 1} ran out of {what}: the run ends here")

    def _kill(self, reason: Ending, detail: str) -> None:
        self.channel.kill()
        self.ending = reason
        self.result.detail = detail

    # --- the end ----------------------------------------------------------------------------------------

    def _release(self) -> None:
        result, ending = self.result, self.ending
        if ending in (Ending.FINISHED, Ending.COMPILE_ERROR):
            # The harness flushed the submission's output before its last frame, but stdout and stderr travel
            # separately, so give stragglers a moment. The exit status no longer matters: no waiting for it.
            drain_until = time.monotonic() + 0.02
            while time.monotonic() < drain_until and not self.printed.over:
                event = self.channel.recv(drain_until - time.monotonic())
                if event is None or event[0] == "eof":
                    break
                if event[0] == "err":
                    self.printed.add(event[1])
            self.channel.discard()
            exit_code, oom = 0, False
        else:
            exit_code, oom = self.channel.finish()
        result.exit_code = exit_code
        if oom and ending not in (Ending.FINISHED, Ending.COMPILE_ERROR, Ending.STOPPED):
            ending = Ending.OOM
            result.detail = "killed by the out-of-memory killer"
        elif ending is Ending.EXITED and getattr(self.channel, "stopped_from_outside", False):
            # The machine ended it (the channel's backend can tell; see DockerChannel.finish): never a verdict.
            raise SandboxError(f"the sandbox was stopped from outside (exit code {exit_code}): not the "
                               "submission's doing")
        elif ending is Ending.EXITED:
            what = f"during case {self.current + 1}" if self.current is not None else (
                "while importing solution.py" if self.phase is _Phase.IMPORTING else "after its last result")
            result.detail = f"the process exited {what} (exit code {exit_code})"
        if self.current is not None and ending is not Ending.FINISHED:
            used = self.budget.used()
            self.runs[self.current].time_s = used if used is not None else time.monotonic() - self.budget.t0
            result.interrupted = self.current
        result.ending = ending
        result.stderr = self.printed.tail.decode("utf-8", "replace")


def _next(runs: list[CaseRun]) -> int | None:
    for run in runs:
        if run.status is CaseStatus.NOT_RUN:
            return run.index
    return None
