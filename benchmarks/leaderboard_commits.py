"""Grade commits per second with concurrent grading workers, on PostgreSQL: how much the leaderboard bookkeeping
in a grade's transaction (BestResult, Standing, the cache revisions) makes workers wait for each other. Not a
test: it prints figures for docs/performance.md ("Grade commits").

    bash -c 'source scripts/lib.sh; ensure_postgres; \
             .venv/bin/python benchmarks/leaderboard_commits.py [--workers 4] [--grades 150] [--runs 3]'

1. Uses its own database `<name of DATABASE_URL>_<--database-suffix>` (default `_commits`) on the same server,
   migrated by this checkout's code, with --problems function problems on 4 topics and --users users per
   worker. Each run empties the submissions and leaderboard tables and queues --grades submissions per worker.
2. Starts --workers processes (each its own database connection). Each worker claims its queued submissions
   one by one (not timed) and completes each with grading.services.submission_complete, the transaction a real
   grade commits (the Submission row, BestResult, Standing, revisions), and times that call. Workers grade
   different users; --shared-problems lets them grade the same problems (default: each its own problems).
   About half the grades are accepted (the first accepted grade of a user and problem raises their totals),
   the rest wrong answers. --hold-ms keeps each grade's transaction open that much longer after its writes,
   as a durable commit (fsync) on a real disk would, row locks included.
3. Prints, per run, commits/s (all commits over the wall time from the first start to the last end), p50/p95
   latency of one commit, p50/p95 of the time one commit spends in the statements writing revision rows (where a
   worker waits for another's commit holding the same row) and that time's share of all commit time; then the
   median run by commits/s.
To compare with an older checkout, copy this file into that checkout's var/ and run it there with another
--database-suffix (the schemas may differ): it imports the code of the checkout it sits in.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import statistics
import subprocess
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
TOPICS = ("linear-algebra", "optimisation", "probability", "ranking")
DIFFICULTIES = ("easy", "medium", "hard")


def bench_env(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="mljudge.config.settings.prod",
               SECRET_KEY=env.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(48),
               ALLOWED_HOSTS="127.0.0.1,localhost", MLJUDGE_SECURE_COOKIES="0",
               PYTHONPATH=os.pathsep.join([str(ROOT / "platform"), str(ROOT)]))
    return env


def ensure_database(url: str) -> None:
    import psycopg

    parsed = urlparse(url)
    admin = urlunparse(parsed._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("select 1 from pg_database where datname = %s", (parsed.path.lstrip("/"),)).fetchone():
            conn.execute(f'create database "{parsed.path.lstrip("/")}"')


# --- in the child processes (Django set up) -------------------------------------------------------------

def _setup() -> None:
    import django

    django.setup()


def role_prepare(args) -> None:
    """Problems and users (kept between runs), then a fresh queue of submissions per worker."""
    _setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.utils import timezone

    from mljudge.leaderboards.models import BestResult, Revision, Standing
    from mljudge.problemset.models import Problem
    from mljudge.problemset.services import ProblemData, problem_store
    from mljudge.submissions.models import Mode, Status, Submission

    for i in range(args.problems):
        slug = f"bench-commits-{i}"
        if not Problem.objects.filter(slug=slug).exists():
            problem_store(data=ProblemData(
                slug=slug, title=slug, kind="function", difficulty=DIFFICULTIES[i % 3],
                topics=[TOPICS[i % 4], TOPICS[(i + 1) % 4]] if i % 2 else [TOPICS[i % 4]],
                statement_md="x", starter="def f(x):\n    pass\n", entry_point="f", declared_version=1,
                content_hash="h"))
    User = get_user_model()
    wanted = [f"bench-w{w}-u{u}" for w in range(args.workers) for u in range(args.users)]
    existing = set(User.objects.filter(username__in=wanted).values_list("username", flat=True))
    User.objects.bulk_create([User(username=name, email=f"{name}@example.com") for name in wanted
                              if name not in existing])
    with connection.cursor() as cursor:   # each run starts from nobody having points
        for model in (Standing, BestResult, Revision, Submission):
            cursor.execute(f"TRUNCATE {model._meta.db_table} CASCADE")
    problems = list(Problem.objects.filter(slug__startswith="bench-commits-").order_by("id"))
    users = {u.username: u for u in User.objects.filter(username__in=wanted)}
    rng = random.Random(args.seed)
    plan: dict[int, list[tuple[int, str]]] = {}
    rows = []
    now = timezone.now()
    for w in range(args.workers):
        mine = problems if args.shared_problems else problems[w::args.workers]
        for g in range(args.grades):
            problem = rng.choice(mine)
            user = users[f"bench-w{w}-u{rng.randrange(args.users)}"]
            rows.append(Submission(user=user, problem=problem, problem_version=problem.current_version,
                                   mode=Mode.SUBMIT, status=Status.QUEUED, source="def f(x):\n    return x\n",
                                   queued_at=now))
            plan.setdefault(w, []).append((problem.slug, "accepted" if rng.random() < 0.5 else "wrong_answer"))
    created = Submission.objects.bulk_create(rows, batch_size=1000)
    ids = iter(s.id for s in created)
    print(json.dumps({w: [(next(ids), slug, verdict) for slug, verdict in grades] for w, grades in plan.items()}))


def role_worker(args) -> None:
    _setup()
    import grader
    from django.db import connection, transaction

    from mljudge.grading import services
    from mljudge.leaderboards.models import Revision

    waits = []   # time in statements that write a revision row: where a worker queues behind another's commit

    def timed(execute, sql, params, many, context):
        if Revision._meta.db_table not in sql:
            return execute(sql, params, many, context)
        t0 = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            waits[-1] += time.perf_counter() - t0

    grades = json.loads(Path(args.plan).read_text())[str(args.worker)]
    claims = []
    for submission_id, slug, verdict in grades:
        claim = services.submission_claim(submission_id=submission_id)
        assert claim is not None, submission_id
        report = grader.Report(problem=slug, problem_version=1, verdict=grader.Verdict(verdict),
                               score=1.0 if verdict == "accepted" else 0.0, passed=int(verdict == "accepted"),
                               total=1, time_s=0.01)
        claims.append((claim, report))
    while time.time() < args.start_at:   # every worker starts together
        time.sleep(0.001)
    started = time.perf_counter()
    latencies = []
    with connection.execute_wrapper(timed):
        for claim, report in claims:
            waits.append(0.0)
            t0 = time.perf_counter()
            with transaction.atomic():
                assert services.submission_complete(claim=claim, report=report)
                if args.hold_ms:   # a slow commit (fsync on a real disk) keeps every row lock this much longer
                    with connection.cursor() as cursor:
                        cursor.execute("SELECT pg_sleep(%s)", [args.hold_ms / 1000])
            latencies.append(time.perf_counter() - t0)
    ended = time.perf_counter()
    print(json.dumps({"start": time.time() - (ended - started), "end": time.time(), "latencies": latencies,
                      "revision_waits": waits}))


# --- the driver -----------------------------------------------------------------------------------

def run_once(env: dict, args, plan_path: Path) -> dict:
    common = ["--workers", str(args.workers), "--grades", str(args.grades), "--users", str(args.users),
              "--hold-ms", str(args.hold_ms),
              "--problems", str(args.problems), "--seed", str(args.seed)]
    if args.shared_problems:
        common.append("--shared-problems")
    out = subprocess.run([PY, __file__, "--role", "prepare", *common], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True).stdout
    plan_path.write_text(out.strip().splitlines()[-1])
    start_at = time.time() + 5 + args.workers   # time for every worker to import Django and claim its rows
    procs = [subprocess.Popen([PY, __file__, "--role", "worker", "--worker", str(w), "--plan", str(plan_path),
                               "--start-at", str(start_at), *common], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              text=True) for w in range(args.workers)]
    results = []
    for proc in procs:
        stdout, _ = proc.communicate(timeout=900)
        if proc.returncode:
            raise SystemExit(f"a worker failed (exit {proc.returncode})")
        results.append(json.loads(stdout.strip().splitlines()[-1]))
    latencies = sorted(x * 1000 for r in results for x in r["latencies"])
    waits = sorted(x * 1000 for r in results for x in r["revision_waits"])
    wall = max(r["end"] for r in results) - min(r["start"] for r in results)
    return {"commits": len(latencies), "wall_s": round(wall, 3), "commits_per_s": round(len(latencies) / wall, 1),
            "p50_ms": round(statistics.median(latencies), 2), "p95_ms": round(_p95(latencies), 2),
            "revision_p50_ms": round(statistics.median(waits), 2), "revision_p95_ms": round(_p95(waits), 2),
            "revision_share": round(sum(waits) / sum(latencies), 3)}


def _p95(values: list[float]) -> float:
    return values[int(0.95 * (len(values) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--role", choices=["driver", "prepare", "worker"], default="driver")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--grades", type=int, default=150, help="per worker and run")
    parser.add_argument("--users", type=int, default=25, help="per worker")
    parser.add_argument("--problems", type=int, default=40)
    parser.add_argument("--shared-problems", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--hold-ms", type=float, default=0.0,
                        help="hold each grade's transaction open this long after its writes (a slow commit)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--database-suffix", default="commits")
    parser.add_argument("--worker", type=int)
    parser.add_argument("--plan")
    parser.add_argument("--start-at", type=float)
    args = parser.parse_args()
    if args.role == "prepare":
        return role_prepare(args)
    if args.role == "worker":
        return role_worker(args)

    base = os.environ.get("DATABASE_URL", "")
    parsed = urlparse(base)
    if not parsed.scheme.startswith("postgres"):
        raise SystemExit("DATABASE_URL must point to PostgreSQL (source scripts/lib.sh; ensure_postgres)")
    url = urlunparse(parsed._replace(path=parsed.path.rstrip("/") + "_" + args.database_suffix))
    ensure_database(url)
    env = bench_env(url)
    subprocess.run([PY, "manage.py", "migrate", "--noinput"], cwd=ROOT, env=env, check=True, capture_output=True)
    plan_path = ROOT / "var" / f"leaderboard-commits-plan-{os.getpid()}.json"
    plan_path.parent.mkdir(exist_ok=True)
    try:
        runs = []
        for n in range(args.runs):
            runs.append(run_once(env, args, plan_path))
            print(f"run {n + 1}: {json.dumps(runs[-1])}", flush=True)
    finally:
        plan_path.unlink(missing_ok=True)
    median = sorted(runs, key=lambda r: r["commits_per_s"])[len(runs) // 2]
    print(f"median of {len(runs)} runs ({args.workers} workers, {args.grades} grades each, "
          f"{'shared' if args.shared_problems else 'separate'} problems, hold {args.hold_ms} ms): "
          f"{json.dumps(median)}")


if __name__ == "__main__":
    main()
