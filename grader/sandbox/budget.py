"""How long a phase of a sandbox run may take: the one owner of the time rules (docs/sandbox.md)."""
from __future__ import annotations

import time

# Limits are judged on CPU time, so a busy host slows a run down without changing its verdict. What a CPU
# limit cannot catch is code that does not compute (sleeps, blocks); the backstops below catch it, and they
# tell it from code starved by a busy host by its runqueue waiting time (sandbox/cpu.py): a starved process
# is always running or waiting for a CPU, a sleeping one is neither.
IDLE_SHARE = 0.01        # past its limit in wall time, under 1 % of the window running or waiting: idle
IDLE_WINDOW_S = 2.0
WALL_FACTOR = 10.0       # past 10x its limit + 2 s of wall time while mostly (under half) idle: killed
WALL_SLACK_S = 2.0
ACTIVE_SHARE = 0.5
HARD_FACTOR = 30.0       # never longer than 30x its limit + 30 s of wall time, whatever the clocks say
HARD_SLACK_S = 30.0
POLL_S = 0.05


class Budget:
    """One phase of a run (importing, a case, the gap between frames): a CPU allowance measured from
    outside when the channel can (`channel.usage`, see sandbox/cpu.py), and wall-clock backstops."""

    def __init__(self, channel, cpu_s: float):
        self.read = getattr(channel, "usage", None)
        self.cpu_s = cpu_s
        self.t0 = time.monotonic()
        self.cpu0, self.wait0 = self.read() if self.read else (0.0, 0.0)
        self.samples: list[tuple[float, float]] = [(self.t0, self.cpu0 + self.wait0)]
        self.wall_limit = WALL_FACTOR * cpu_s + WALL_SLACK_S
        self.hard_limit = HARD_FACTOR * cpu_s + HARD_SLACK_S
        self.io_at = self.t0

    def note_io(self) -> None:
        """Bytes arrived on the result channel: the harness is sending, not idle. (A big result crosses the
        engine's attach stream slowly on a busy host, and the harness waits in write() meanwhile.)"""
        self.io_at = time.monotonic()

    def used(self) -> float | None:
        return self.read()[0] - self.cpu0 if self.read else None

    def wait(self) -> float:
        """How long to wait for the next frame before looking again."""
        left = self.t0 + (self.hard_limit if self.read else self.wall_limit) - time.monotonic()
        return max(0.0, min(left, POLL_S if self.read else left))

    def exceeded(self) -> str | None:
        """Why this phase is over its limit, or None."""
        now = time.monotonic()
        wall = now - self.t0
        if not self.read:
            return f"ran for {self.wall_limit:g} s of wall-clock time" if wall >= self.wall_limit else None
        cpu, waiting = self.read()
        # Some grace over the limit: the harness's own CPU timer fires first and reports tidily.
        if cpu - self.cpu0 > self.cpu_s * 1.1 + 0.05:
            return f"used more than {self.cpu_s:g} s of CPU time"
        active = cpu + waiting
        self.samples.append((now, active))
        while len(self.samples) > 2 and self.samples[1][0] <= now - IDLE_WINDOW_S:
            self.samples.pop(0)
        then, active_then = self.samples[0]
        quiet = now - self.io_at >= IDLE_WINDOW_S
        if (quiet and wall > self.cpu_s + 1.0 and now - then >= IDLE_WINDOW_S * 0.9
                and active - active_then < IDLE_SHARE * (now - then)):
            return "was sleeping or blocked (no CPU used for seconds)"
        if quiet and wall >= self.wall_limit and active - self.cpu0 - self.wait0 < ACTIVE_SHARE * wall:
            return f"ran for {self.wall_limit:g} s of wall-clock time, mostly sleeping or blocked"
        if wall >= self.hard_limit:
            return f"ran for {self.hard_limit:g} s of wall-clock time"
        return None
