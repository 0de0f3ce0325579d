"""CPU time of a sandbox, read from outside it: the kernel's accounting, which the submission cannot touch.

For a container, its cgroup's CPU usage (v1 `cpuacct.usage`, v2 `cpu.stat` usage_usec) covers every process
and thread in it. For a plain process (the local sandbox), /proc/<pid>/stat gives its own and its reaped
children's CPU time. Both are None where they cannot be read (e.g. a grader in a container that does not
see the host's /proc): the drive loop then relies on the harness's own CPU timer and the wall backstop."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

CGROUP_ROOT = Path("/sys/fs/cgroup")
CpuReader = Callable[[], float]


def cgroup_cpu_reader(pid: int) -> CpuReader | None:
    """A reader of the CPU seconds used by the cgroup that `pid` (a container's first process) lives in."""
    try:
        lines = Path(f"/proc/{pid}/cgroup").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        _, controllers, path = line.split(":", 2)
        if "cpuacct" in controllers.split(","):
            usage = CGROUP_ROOT / "cpuacct" / path.lstrip("/") / "cpuacct.usage"
            if not usage.exists():  # "cpu,cpuacct" mounted together
                usage = CGROUP_ROOT / controllers / path.lstrip("/") / "cpuacct.usage"
            return _reader(usage, lambda text: int(text) / 1e9)
    for line in lines:
        if line.startswith("0::"):
            stat = CGROUP_ROOT / line[3:].lstrip("/") / "cpu.stat"
            return _reader(stat, _usage_usec)
    return None


def process_cpu_reader(pid: int) -> CpuReader | None:
    """CPU seconds of one process and its waited-for children (utime, stime, cutime, cstime)."""
    stat = Path(f"/proc/{pid}/stat")
    tick = os.sysconf("SC_CLK_TCK")

    def parse(text: str) -> float:
        fields = text.rsplit(")", 1)[1].split()
        return sum(int(f) for f in fields[11:15]) / tick

    return _reader(stat, parse)


def _usage_usec(text: str) -> float:
    for line in text.splitlines():
        key, _, value = line.partition(" ")
        if key == "usage_usec":
            return int(value) / 1e6
    raise ValueError("no usage_usec in cpu.stat")


def _reader(path: Path, parse) -> CpuReader | None:
    last = [0.0]

    def read() -> float:
        # The process may be gone (its cgroup removed): the last value read is then the total.
        try:
            last[0] = max(last[0], parse(path.read_text()))
        except (OSError, ValueError):
            pass
        return last[0]

    try:
        last[0] = parse(path.read_text())
    except (OSError, ValueError):
        return None
    return read
