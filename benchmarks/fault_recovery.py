"""Does grading recover from machine faults, how fast, and without blaming anyone? Not a test: it prints figures
for docs/performance.md ("Faults and time to recover"). As root (it runs its own dockerd and PostgreSQL):

    .venv/bin/python benchmarks/fault_recovery.py [--backlog 30] [--repeat 1] [--only redis-aof,postgres,...]

Everything runs on a private stack it starts and stops itself (benchmarks/fault_stack.py: redis-server,
PostgreSQL cluster, dockerd, Celery workers as scripts/run.sh starts them, beat; data under var/fault/); the
shared services are never touched. Each round queues a backlog (correct, wrong and infinite-loop submissions of
softmax, kmeans and dot-product-similarity, each with a known verdict), waits until some are running, injects
one fault, then waits (bounded) until every submission is final and prints:

  recover  seconds from the end of the fault to the round's last verdict (the "none" row: the same backlog
           without a fault, i.e. what the backlog itself costs)
  gap      the longest time without any verdict from the start of the fault on (a stall shows here)
  once     rows whose grade was written exactly once / rows (a PostgreSQL trigger of this benchmark's counts
           every RUNNING -> GRADED | SYSTEM_ERROR transition; a duplicate grade would be a second one)
  stale    grades that ran to the end but were discarded because the row had been taken over (worker logs)
  claims   claims beyond the first (a grade started again after the fault: its earlier run was lost)
  wrong    final verdicts that differ from the expected ones (references: accepted, loops: TLE, wrong
           solutions: their verdict in the fault-free round, which must not be accepted)
  syserr   rows ending as system_error (a user-visible "not your fault"); goal 0
  left     sandbox containers left behind once the round is over (stopped, orphaned, or beyond a pool's size)

Every wait is bounded in count and time; Ctrl-C (or SIGTERM) stops everything it started.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import random
import signal
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fault_stack import PROBLEMS, ROOT, Stack, wait_until  # noqa: E402

sys.path.insert(0, str(ROOT))

SKEW_S = 300
POOL_SIZE = 2          # settings.MLJUDGE_SANDBOX_POOL_SIZE's default: ready containers a live process may hold
DB_DOWN_S = 30
REDIS_DOWN_S = 5
SUPERVISOR_RESTART_S = 5   # a killed worker host comes back as systemd's Restart=always would bring it


# --- the backlog ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Item:
    slug: str
    label: str    # "reference", "loop" or wrong/<file>
    source: str


def items() -> list[Item]:
    """Per problem: the reference four times, four wrong solutions, one infinite loop."""
    from grader import load_problem

    out = []
    for slug in PROBLEMS:
        folder = ROOT / "problems" / slug
        entry = load_problem(folder).entry_point
        out += [Item(slug, "reference", (folder / "reference.py").read_text())] * 4
        out += [Item(slug, f"wrong/{p.name}", p.read_text()) for p in sorted((folder / "wrong").glob("*.py"))[:4]]
        out.append(Item(slug, "loop", f"def {entry}(*args, **kwargs):\n    while True:\n        pass\n"))
    return out


def backlog(n: int, round_no: int) -> list[Item]:
    pool = items()
    chosen = [pool[i % len(pool)] for i in range(n)]
    random.Random(round_no).shuffle(chosen)
    return chosen


# --- the database (the benchmark's own Django, on the private stack) -----------------------------------

TRIGGER_SQL = """
CREATE TABLE IF NOT EXISTS fault_transitions (
    id bigserial PRIMARY KEY, submission_id bigint NOT NULL, old_status text, new_status text, attempts int,
    at timestamptz NOT NULL DEFAULT clock_timestamp());
CREATE OR REPLACE FUNCTION fault_note() RETURNS trigger AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status OR NEW.attempts IS DISTINCT FROM OLD.attempts THEN
        INSERT INTO fault_transitions (submission_id, old_status, new_status, attempts)
        VALUES (NEW.id, OLD.status, NEW.status, NEW.attempts);
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS fault_note ON submissions_submission;
CREATE TRIGGER fault_note AFTER UPDATE ON submissions_submission FOR EACH ROW EXECUTE FUNCTION fault_note();
"""


def django_setup(stack: Stack) -> None:
    os.environ.update(stack.env())
    sys.path.insert(0, str(ROOT / "platform"))
    import django

    django.setup()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(TRIGGER_SQL)


def db(fn: Callable, *, timeout: float = 120):
    """fn() against the database, retried (bounded) while it is unreachable: the benchmark outlives faults."""
    from django.db import InterfaceError, OperationalError, connection

    deadline = time.monotonic() + timeout
    while True:
        try:
            return fn()
        except (OperationalError, InterfaceError):
            connection.close()
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def submit(plan: list[Item]) -> dict[int, Item]:
    from django.contrib.auth import get_user_model
    from mljudge.problemset.models import Problem
    from mljudge.submissions.models import Mode
    from mljudge.submissions.services import submission_create

    users = [get_user_model().objects.get_or_create(username=f"fault-{i}")[0] for i in range(5)]
    problems = {p.slug: p for p in Problem.objects.filter(slug__in=PROBLEMS)}
    out = {}
    for i, item in enumerate(plan):
        row = submission_create(user=users[i % len(users)], problem=problems[item.slug], source=item.source,
                                mode=Mode.SUBMIT)
        out[row.id] = item
    return out


def rows(ids) -> list[dict]:
    from mljudge.submissions.models import Submission

    return db(lambda: list(Submission.objects.filter(id__in=list(ids)).values(
        "id", "status", "verdict", "finished_at", "sends")))


def transitions(ids) -> dict[int, tuple[int, int]]:
    """submission id -> (finishes, claims), from the trigger's table."""
    from django.db import connection

    def read():
        with connection.cursor() as cursor:
            cursor.execute("""SELECT submission_id,
                count(*) FILTER (WHERE old_status = 'running' AND new_status IN ('graded', 'system_error')),
                count(*) FILTER (WHERE new_status = 'running')
                FROM fault_transitions WHERE submission_id = ANY(%s) GROUP BY 1""", [list(ids)])
            return {sid: (fin, claims) for sid, fin, claims in cursor.fetchall()}
    return db(read)


def wait_rows(ids, *, done: Callable[[list[dict]], bool], timeout: float) -> list[dict]:
    deadline = time.monotonic() + timeout
    while True:
        current = rows(ids)
        if done(current) or time.monotonic() > deadline:
            return current
        time.sleep(0.5)


FINAL = ("graded", "system_error", "cancelled")


# --- the faults ------------------------------------------------------------------------------------------

@dataclass
class Fault:
    name: str
    inject: Callable[[Stack], None]         # returns when the fault is over
    before: Callable[[Stack], None] = lambda stack: None   # before the backlog is queued
    after: Callable[[Stack], None] = lambda stack: None    # once the round is final


def _redis_crash(stack: Stack) -> None:
    stack.redis_crash()
    time.sleep(REDIS_DOWN_S)
    stack.redis_start()


def _postgres_stop(stack: Stack) -> None:
    stack.pg_stop()
    time.sleep(DB_DOWN_S)
    stack.pg_start()


def _dockerd_restart(stack: Stack) -> None:
    stack.dockerd_stop()
    stack.dockerd_start()


def _docker_kill(stack: Stack) -> None:
    running = [c["id"] for c in stack.sandboxes(running_only=True)]
    if running:
        stack.docker("kill", *running, check=False)


def _skewed_worker(stack: Stack) -> None:
    # One more worker host whose clock runs SKEW_S ahead: it grades and sweeps alongside the others.
    stack.worker_start("skewed", queues="mljudge,mljudge-sweep", concurrency=1, skew_s=SKEW_S)


def _worker_sigkill(stack: Stack) -> None:
    proc = stack.workers["grading"]
    os.killpg(proc.pid, signal.SIGKILL)   # the main process and its pool children, mid-grade
    proc.wait(timeout=30)
    time.sleep(SUPERVISOR_RESTART_S)
    stack.worker_start("grading", queues="mljudge", concurrency=2)


FAULTS = [
    Fault("none", lambda stack: None),
    Fault("redis-crash-aof", _redis_crash, before=lambda s: s.redis_persistence(aof=True)),
    Fault("redis-crash-no-aof", _redis_crash, before=lambda s: s.redis_persistence(aof=False)),
    Fault("postgres-stop-30s", _postgres_stop),
    Fault("dockerd-restart", _dockerd_restart),
    Fault("docker-kill-sandboxes", _docker_kill),
    Fault(f"clock-skew-{SKEW_S}s", _skewed_worker, after=lambda s: s.worker_stop("skewed")),
    Fault("worker-sigkill", _worker_sigkill),
]


# --- a round -------------------------------------------------------------------------------------------

@dataclass
class Result:
    fault: str
    recover_s: float | None
    gap_s: float | None
    once: str
    stale: int
    claims: int
    wrong: int
    syserr: int
    left: int
    sends: float


def leftover_containers(stack: Stack) -> set[str]:
    """Containers no live grader accounts for: stopped ones, those of dead processes, and more than a pool holds."""
    import grader

    per_owner: dict[str, list[str]] = {}
    left = set()
    for c in stack.sandboxes():
        if not c["running"] or grader.provably_dead(c["owner"]):
            left.add(c["id"])
        else:
            per_owner.setdefault(c["owner"], []).append(c["id"])
    return left | {cid for ids in per_owner.values() for cid in ids[POOL_SIZE:]}


def run_round(stack: Stack, fault: Fault, *, n: int, round_no: int, expected: dict, deadline_s: float) -> Result:
    fault.before(stack)
    stale_before = stack.log_count("re-claimed while grading")
    left_before = leftover_containers(stack)   # an earlier round's leftovers are that round's figure
    queued = submit(backlog(n, round_no))
    ids = list(queued)
    wait_rows(ids, done=lambda rs: any(r["status"] == "running" for r in rs), timeout=120)
    started = time.time()
    fault.inject(stack)
    ended = time.time()
    final = wait_rows(ids, done=lambda rs: all(r["status"] in FINAL for r in rs), timeout=deadline_s)
    fault.after(stack)
    pending = [r for r in final if r["status"] not in FINAL]
    # Removal of a finished grade's container is asynchronous: give it a few seconds (bounded).
    with contextlib.suppress(TimeoutError):
        wait_until(lambda: not leftover_containers(stack) - left_before, timeout=30, every=1)
    left = len(leftover_containers(stack) - left_before)
    counts = transitions(ids)
    times = sorted(r["finished_at"].timestamp() for r in final if r["finished_at"])
    after = [started] + [t for t in times if t >= started]
    wrong = 0
    for r in final:
        item = queued[r["id"]]
        key = (item.slug, item.label)
        if r["status"] == "graded" and key not in expected and r["verdict"] != "accepted":
            expected[key] = r["verdict"]   # the fault-free round sets the wrong solutions' verdicts
        if r["status"] != "graded" or r["verdict"] != expected.get(key):
            wrong += 1
    return Result(
        fault=fault.name,
        recover_s=None if pending or not times else round(max(times) - ended, 1),
        gap_s=None if pending else round(max(b - a for a, b in zip(after, after[1:])) if len(after) > 1 else 0, 1),
        once=f"{sum(1 for sid in ids if counts.get(sid, (0, 0))[0] == 1)}/{len(ids)}",
        stale=stack.log_count("re-claimed while grading") - stale_before,
        claims=sum(max(0, counts.get(sid, (0, 0))[1] - 1) for sid in ids),
        wrong=wrong, syserr=sum(1 for r in final if r["status"] == "system_error"), left=left,
        sends=round(sum(r["sends"] for r in final) / len(final), 2))


def expected_verdicts() -> dict:
    return {(slug, label): verdict for slug in PROBLEMS
            for label, verdict in (("reference", "accepted"), ("loop", "time_limit_exceeded"))}


# --- the table -------------------------------------------------------------------------------------------

COLUMNS = ("fault", "recover_s", "gap_s", "once", "stale", "claims", "wrong", "syserr", "left", "sends")


def table(results: list[Result]) -> str:
    """One line per fault: medians of the times, sums of the counts over the repeats."""
    by_fault: dict[str, list[Result]] = {}
    for r in results:
        by_fault.setdefault(r.fault, []).append(r)
    lines = ["| fault | recover s | longest gap s | graded once | stale | re-claims | wrong verdicts | "
             "system errors | containers left | msgs/row |", "|" + "---|" * 10]
    for name, rs in by_fault.items():
        def med(attr):
            values = [getattr(r, attr) for r in rs]
            return "timeout" if None in values else f"{statistics.median(values):.1f}"
        once = [r.once.split("/") for r in rs]
        lines.append(f"| {name} | {med('recover_s')} | {med('gap_s')} | "
                     f"{sum(int(a) for a, _ in once)}/{sum(int(b) for _, b in once)} | "
                     f"{sum(r.stale for r in rs)} | {sum(r.claims for r in rs)} | {sum(r.wrong for r in rs)} | "
                     f"{sum(r.syserr for r in rs)} | {sum(r.left for r in rs)} | "
                     f"{statistics.median(r.sends for r in rs):.2f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backlog", type=int, default=30, help="submissions queued per round (default 30)")
    parser.add_argument("--repeat", type=int, default=1, help="rounds per fault; the table shows medians")
    parser.add_argument("--only", default="", help="comma-separated fault names (the fault-free round always runs)")
    parser.add_argument("--deadline", type=float, default=600, help="seconds a round may take to become final")
    args = parser.parse_args()
    if os.geteuid() != 0:
        return "run as root: the benchmark starts its own dockerd and PostgreSQL"
    if not 1 <= args.backlog <= 500 or not 1 <= args.repeat <= 10:
        return "--backlog 1..500, --repeat 1..10"
    only = {name for name in args.only.split(",") if name}
    faults = [f for f in FAULTS if f.name == "none" or not only or f.name in only]

    def interrupted(*_):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    stack = Stack()
    results: list[Result] = []
    try:
        print("starting the private stack (redis, postgresql, dockerd, workers) ...", flush=True)
        stack.start()
        django_setup(stack)
        expected = expected_verdicts()
        for repeat in range(args.repeat):
            for number, fault in enumerate(faults):
                result = run_round(stack, fault, n=args.backlog, round_no=repeat * 100 + number,
                                   expected=expected, deadline_s=args.deadline)
                results.append(result)
                print("  " + "  ".join(f"{c}={getattr(result, c)}" for c in COLUMNS), flush=True)
    except KeyboardInterrupt:
        print("interrupted: stopping the private stack", flush=True)
    finally:
        with contextlib.suppress(Exception):
            from django.db import connection
            connection.close()
        stack.close()
    if results:
        print(f"\nbacklog {args.backlog}, {args.repeat} round(s) per fault\n")
        print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
