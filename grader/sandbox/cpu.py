"""How a sandbox is using the CPU, read from outside it: the kernel's accounting, which the submission cannot
touch. Two clocks, both in seconds since the sandbox started:

- `cpu`: CPU time used. For a container, its cgroup's usage (v1 `cpuacct.usage`, v2 `cpu.stat` usage_usec),
  which covers every process and thread in it, exited ones included. For a plain process (the local
  sandbox), /proc/<pid>/stat: its own and its reaped children's CPU time.
- `waiting`: time spent runnable but not running (waiting for a CPU: the host is busy), summed over the
  sandbox's current threads from /proc/<tid>/schedstat. A process that sleeps or blocks neither runs nor
  waits; one starved by a busy host waits. That is how the limits tell "slow host" from "not computing".

Readers are None where the numbers cannot be read (e.g. a grader in a container that does not see the
host's /proc): the drive loop then relies on the harness's own CPU timer and a plain wall backstop."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

CGROUP_ROOT = Path("/sys/fs/cgroup")
Usage = tuple[float, float]          # (cpu seconds, waiting seconds)
UsageReader = Callable[[], Usage]


def cgroup_reader(pid: int) -> UsageReader | None:
    """Usage of the cgroup that `pid` (a container's first process) lives in."""
    try:
        lines = Path(f"/proc/{pid}/cgroup").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        _, controllers, path = line.split(":", 2)
        if "cpuacct" in controllers.split(","):
            folder = CGROUP_ROOT / "cpuacct" / path.lstrip("/")
            if not (folder / "cpuacct.usage").exists():  # "cpu,cpuacct" mounted together
                folder = CGROUP_ROOT / controllers / path.lstrip("/")
            return _reader(lambda: int((folder / "cpuacct.usage").read_text()) / 1e9,
                           lambda: _tids_from(folder / "tasks"))
    for line in lines:
        if line.startswith("0::"):
            folder = CGROUP_ROOT / line[3:].lstrip("/")
            return _reader(lambda: _usage_usec((folder / "cpu.stat").read_text()),
                           lambda: _tids_from(folder / "cgroup.threads"))
    return None


def process_reader(pid: int) -> UsageReader | None:
    """Usage of one process (its threads) and its waited-for children."""
    tick = os.sysconf("SC_CLK_TCK")

    def cpu() -> float:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return sum(int(f) for f in fields[11:15]) / tick

    return _reader(cpu, lambda: [int(t) for t in os.listdir(f"/proc/{pid}/task")])


def _tids_from(path: Path) -> list[int]:
    return [int(t) for t in path.read_text().split()]


def _usage_usec(text: str) -> float:
    for line in text.splitlines():
        key, _, value = line.partition(" ")
        if key == "usage_usec":
            return int(value) / 1e6
    raise ValueError("no usage_usec in cpu.stat")


def _waiting(tids: list[int]) -> float:
    total = 0
    for tid in tids:
        try:
            total += int(Path(f"/proc/{tid}/schedstat").read_text().split()[1])
        except (OSError, ValueError, IndexError):
            pass  # the thread just ended
    return total / 1e9


def _reader(cpu: Callable[[], float], tids: Callable[[], list[int]]) -> UsageReader | None:
    last = [0.0, 0.0]

    def read() -> Usage:
        # Both only grow. When the sandbox is gone (its cgroup removed), the last values read are the totals;
        # a thread that ends takes its waiting time with it, which must not look like time running backwards.
        try:
            last[0] = max(last[0], cpu())
        except (OSError, ValueError):
            pass
        try:
            last[1] = max(last[1], _waiting(tids()))
        except (OSError, ValueError):
            pass
        return last[0], last[1]

    try:
        cpu()
    except (OSError, ValueError):
        return None
    return read
