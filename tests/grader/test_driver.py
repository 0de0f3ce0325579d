"""The driver (grader/sandbox/base.drive) with the local backend: the caller's per-case callback runs off
the read loop, so a slow callback neither stretches nor hides a case's time, and a failing callback never
leaves a sandbox process behind."""
from __future__ import annotations

import os
import struct
import time

import pytest

from grader import codec
from grader.sandbox import CaseInput, CaseStatus, Ending, Limits
from grader.sandbox.base import MAGIC, drive

BURN = ("import time\n"
        "def f(seconds):\n"
        "    t0 = time.process_time()\n"
        "    while time.process_time() - t0 < seconds:\n"
        "        pass\n"
        "    return seconds\n")


def test_a_slow_callback_does_not_hide_the_next_cases_cpu_time(local_sandbox):
    seen = []

    def slow(run):
        seen.append(run.index)
        if run.index == 0:
            time.sleep(1.0)  # a slow database write; meanwhile the harness burns case 2's CPU

    channel = local_sandbox.start(Limits(time_per_case_s=3.0))
    result = drive(channel, source=BURN, entry_point="f", cases=[CaseInput((0.0,), {}), CaseInput((0.6,), {})],
                   limits=Limits(time_per_case_s=3.0), on_case=slow)
    assert result.ending is Ending.FINISHED
    assert seen == [0, 1]
    # Before, the second case's clock started only when the callback returned: it read ~0.0 s here.
    assert result.cases[1].time_s >= 0.55


def test_a_failing_callback_kills_and_releases_the_sandbox_then_raises(local_sandbox):
    channel = local_sandbox.start(Limits(time_per_case_s=5.0))
    pid = channel.proc.pid

    def broken(run):
        raise RuntimeError("database is down")

    with pytest.raises(RuntimeError, match="database is down"):
        drive(channel, source=BURN, entry_point="f",
              cases=[CaseInput((0.0,), {}), CaseInput((30.0,), {}), CaseInput((30.0,), {})],
              limits=Limits(time_per_case_s=60.0), on_case=broken)
    # The harness was busy with a 30 s case: it was killed and reaped, not left running.
    assert channel.proc.returncode is not None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_without_a_callback_the_driver_reads_on_the_callers_thread(local_sandbox):
    channel = local_sandbox.start(Limits())
    result = drive(channel, source=BURN, entry_point="f", cases=[CaseInput((0.0,), {})], limits=Limits())
    assert result.ending is Ending.FINISHED and result.cases[0].status == "ok"


class ScriptedHarness:
    """A channel whose harness says exactly the frames given (no process): what an untrusted harness may send."""

    def __init__(self, *messages: dict):
        self.events = [("out", MAGIC + struct.pack(">Q", len(data)) + data)
                       for data in (codec.encode(m) for m in messages)] + [("eof", b"")]

    def send(self, data: bytes) -> None:
        pass

    def recv(self, timeout: float):
        return self.events.pop(0) if self.events else ("eof", b"")

    def kill(self) -> None:
        pass

    def finish(self):
        return 0, False

    def discard(self) -> None:
        pass


def test_it_records_case_statuses_as_the_enum_and_anything_unknown_as_bad_output():
    claims = ["ok", "error", "not_run", "accepted", ["timeout"]]  # the last three are no status a result may have
    frames = [{"type": "loaded"}]
    for i, status in enumerate(claims):
        frames += [{"type": "start", "index": i}, {"type": "result", "index": i, "status": status, "value": i}]
    result = drive(ScriptedHarness(*frames, {"type": "done"}), source="", entry_point="f",
                   cases=[CaseInput((i,), {}) for i in range(len(claims))], limits=Limits())
    assert result.ending is Ending.FINISHED
    assert [run.status for run in result.cases] == [CaseStatus.OK, CaseStatus.ERROR] + [CaseStatus.BAD_OUTPUT] * 3
    assert all(type(run.status) is CaseStatus for run in result.cases)
