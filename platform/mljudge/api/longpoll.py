"""Waiting for a submission to change (GET /submissions/{id}?wait=): how long, how often the row is re-read,
and how many waits one user may hold open at once. A wait holds a web thread (gunicorn's gthread workers,
scripts/run.sh); without the cap, one token could hold them all while staying under the request rate."""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.core.cache import cache

from mljudge.core.refusals import Reason, Refused

MAX_WAIT_S = 20       # a long-poll's longest wait
# How often it re-reads the row: often at first (a Run is graded in about 0.1 s: a fixed 0.25 s step made the
# API's answer twice as slow as the page's, benchmarks/submit_latency.py), then less and less often, so a wait
# of 20 s costs about 45 reads instead of 80.
FIRST_POLL_S, POLL_GROWTH, MAX_POLL_S = 0.02, 1.5, 0.5
MAX_WAITING = 2       # open waits per user, counted in the shared cache (every web process of every host)


@contextmanager
def waiting_slot(*, user_id: int) -> Iterator[bool]:
    """Holds one of the user's MAX_WAITING slots while the block runs and yields True; Refused (429) when none is
    free. The counter expires on its own shortly after the longest wait, so a process killed mid-wait frees its
    slot. Yields False, holding nothing, when the counter cannot be kept (Redis unreachable: the cache then
    raises ValueError for incr, core.caches.ForgivingRedisCache): the caller answers at once instead of
    waiting. Without the shared count nothing caps the web threads one user holds, and an answer at once costs
    one read (clients poll again; the CLI paces polls that bring no news)."""
    key = f"api:waiting:{user_id}"
    try:
        cache.add(key, 0, timeout=MAX_WAIT_S + 10)
        count = cache.incr(key)
    except ValueError:   # unreachable (or the key expired between add and incr): no wait this time
        count = None
    if count is None:
        yield False
        return
    try:
        if count > MAX_WAITING:
            raise Refused(Reason.WAIT_LIMIT, count=MAX_WAITING)
        yield True
    finally:
        try:
            cache.decr(key)
        except ValueError:   # expired meanwhile, or the cache went away
            pass


def wait_for(*, read: Callable[[], object], changed: Callable[[object], bool], seconds: float):
    """Re-reads (`read`) until `changed` says so or `seconds` have passed (steps from FIRST_POLL_S growing to
    MAX_POLL_S); the last read. Autocommit between reads: no transaction (and no row lock) is held while
    sleeping."""
    deadline = time.monotonic() + seconds
    step = FIRST_POLL_S
    value = read()
    while not changed(value) and time.monotonic() < deadline:
        time.sleep(min(step, max(0.0, deadline - time.monotonic())))
        step = min(step * POLL_GROWTH, MAX_POLL_S)
        value = read()
    return value
