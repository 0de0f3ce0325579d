"""Following a submission until it is final: long-polls of GET /submissions/{id}?wait=&seen= (the server answers
as soon as the submission is final or has more than `seen` progress rows), shown as a live table. The wait is
bounded by a deadline; Ctrl-C stops waiting (the submission goes on being graded)."""
from __future__ import annotations

import math
import time
from collections.abc import Callable

from rich.console import Console
from rich.live import Live

from . import client, render
from .errors import Interrupted, TimedOut

MAX_WAIT_S = 20        # the API's longest long-poll
MIN_INTERVAL_S = 1.0   # a server that answers at once with nothing new (no long-poll) is asked at most this often

# Replaced by tests (a fake clock makes the deadline testable without waiting for it).
clock: Callable[[], float] = time.monotonic
sleep: Callable[[float], None] = time.sleep


def _seen(submission: dict) -> int:
    progress = submission.get("progress")
    rows = progress.get("tests") if isinstance(progress, dict) else None
    return len(rows) if isinstance(rows, list) else 0


def _news(before: dict | None, after: dict) -> bool:
    if before is None:
        return True
    return any(before.get(k) != after.get(k) for k in ("status", "queue_position", "final")) \
        or _seen(before) != _seen(after)


def follow(api: client.Api, *, submission_id: int, timeout_s: float, console: Console) -> dict:
    """The submission once final, its tests shown live on the way. TimedOut past `timeout_s`, Interrupted on
    Ctrl-C; both name the submission so it can be looked up later."""
    try:
        with Live(render.plain(f"Submission {submission_id}: sent", "dim"), console=console,
                  refresh_per_second=8, transient=False) as live:
            return _poll(api, live, submission_id=submission_id, timeout_s=timeout_s)
    except KeyboardInterrupt:
        raise Interrupted(f"stopped waiting; submission {submission_id} goes on being graded",
                          hint=_later(submission_id)) from None
    finally:
        if not console.is_terminal:
            console.line()   # a terminal's Live ends its last line; a pipe's prints it bare


def _later(submission_id: int) -> str:
    return f"`mljudge status {submission_id}` shows it later"


def _poll(api: client.Api, live: Live, *, submission_id: int, timeout_s: float) -> dict:
    deadline = clock() + timeout_s
    submission: dict | None = None
    url = client.path("submissions", submission_id)
    while True:
        remaining = deadline - clock()
        if remaining <= 0:
            status = render.words(submission.get("status")) if submission else "Not seen yet"
            raise TimedOut(f"gave up waiting after {timeout_s:g} s: submission {submission_id} is {status.lower()}",
                           hint=_later(submission_id))
        wait = max(1, min(MAX_WAIT_S, math.ceil(remaining)))
        asked = clock()
        latest = api.get(url, {"wait": wait, "seen": _seen(submission or {})}, wait_s=wait)   # a dict (client)
        news = _news(submission, latest)
        submission = latest
        live.update(render.tests_table(submission))
        if submission.get("final"):
            return submission
        if not news and clock() - asked < MIN_INTERVAL_S:
            sleep(MIN_INTERVAL_S)
