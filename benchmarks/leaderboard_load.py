"""Leaderboard, profile and problem pages under concurrent load, on PostgreSQL with 10,000 users and 100,000
submissions. Not a test: it prints figures for docs/performance.md ("Leaderboards").

    bash -c 'source scripts/lib.sh; ensure_redis; ensure_postgres; \
             .venv/bin/python benchmarks/leaderboard_load.py [--users 10000] [--submissions 100000] \
                 [--concurrency 4] [--seconds 10] [--max-requests 3000] [--reseed]'

1. Uses its own database `<name of DATABASE_URL>_bench` on the same PostgreSQL server: migrates it, syncs the
   problem bank and seeds it with `manage.py seed_demo_data` (reused when it already holds the demo users).
2. In-process, one request at a time: counts the SQL queries of each page (CaptureQueriesContext; the tests in
   tests/platform/leaderboards assert that the count does not grow with the data) and times it (best of 5
   rounds of 10 requests: the page's own cost, least disturbed by whatever else the machine runs).
3. Serves the site with gunicorn (2 sync workers) on 127.0.0.1 and loads each page from a second process:
   `--concurrency` threads issue GET requests back to back for `--seconds` seconds or `--max-requests`
   requests, whichever comes first. Prints p50/p99 latency and throughput per page.
Loopback only; bounded in time and count.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
TARGET_P99_MS = 50.0


def bench_env(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="mljudge.config.settings.prod",
               SECRET_KEY=env.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(48),
               ALLOWED_HOSTS="127.0.0.1,localhost,testserver", MLJUDGE_SECURE_COOKIES="0",
               PYTHONPATH=str(ROOT / "platform"))
    return env


def bench_database_url(base: str) -> str:
    parsed = urlparse(base)
    if not parsed.scheme.startswith("postgres"):
        raise SystemExit("DATABASE_URL must point to PostgreSQL (source scripts/lib.sh; ensure_postgres)")
    return urlunparse(parsed._replace(path=parsed.path.rstrip("/") + "_bench"))


def ensure_database(url: str) -> None:
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = urlunparse(parsed._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("select 1 from pg_database where datname = %s", (name,)).fetchone():
            conn.execute(f'create database "{name}"')


def manage(env: dict, *args: str) -> str:
    out = subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return out.stdout


def prepare(env: dict, *, users: int, submissions: int, reseed: bool) -> None:
    manage(env, "migrate", "--noinput")
    check = ("from mljudge.problemset.models import Problem; from mljudge.submissions.models import Submission;"
             "from django.contrib.auth import get_user_model as g;"
             "print(Problem.objects.count(), g().objects.filter(username__startswith='demo').count(),"
             " Submission.objects.count())")
    problems, demo_users, existing = map(int, manage(env, "shell", "-v", "0", "-c", check).split())
    if not problems:
        print("syncing problems/ ...", flush=True)
        manage(env, "sync_problems")
    if reseed or demo_users < users or existing < submissions:
        if demo_users or existing:
            manage(env, "flush", "--noinput")
            manage(env, "sync_problems")
        print(f"seeding {users} users and {submissions} submissions ...", flush=True)
        started = time.monotonic()
        print(manage(env, "seed_demo_data", "--users", str(users), "--submissions", str(submissions)).strip())
        print(f"seeded in {time.monotonic() - started:.1f} s", flush=True)
    else:
        print(f"reusing the seeded database: {demo_users} demo users, {existing} submissions", flush=True)
        # Rebuilt on reuse, so that the figures are for the current code's rows.
        print(manage(env, "rebuild_leaderboards").strip(), flush=True)


# --- in-process: queries per page --------------------------------------------------------------------

QUERIES_SCRIPT = r"""
import json, sys, time
import django
django.setup()
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from mljudge.leaderboards.models import Standing

pages = json.loads(sys.argv[1])
# A mid-table user, so that the leaderboard pins their row (one more query than when on page 1).
viewer = get_user_model().objects.get(pk=Standing.objects.filter(scope="all").order_by("-points")[
    Standing.objects.filter(scope="all").count() // 2].user_id)
client = Client()
client.force_login(viewer)
counts = {}
for path in pages.values():
    client.get(path)  # warm (first-request setup and cold caches are not the page's cost)
for name, path in pages.items():
    with CaptureQueriesContext(connection) as ctx:
        status = client.get(path).status_code
    queries = len(ctx.captured_queries)  # now: every request start empties the connection's query log
    best = float("inf")
    for _ in range(5):  # the best of 5 rounds of 10: the page's own cost, least disturbed by other load
        started = time.perf_counter()
        for _ in range(10):
            client.get(path)
        best = min(best, (time.perf_counter() - started) * 100)
    counts[name] = {"status": status, "queries": queries, "ms": best}
print(json.dumps({"counts": counts, "session": client.cookies["sessionid"].value, "viewer": viewer.username}))
"""


def query_counts(env: dict, pages: dict[str, str]) -> dict:
    out = subprocess.run([PY, "-c", QUERIES_SCRIPT, json.dumps(pages)], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def pages_for(env: dict, username: str | None = None) -> dict[str, str]:
    script = ("from mljudge.problemset.models import Problem; import json;"
              "f=Problem.objects.filter(is_active=True, kind='function').order_by('slug').first();"
              "s=Problem.objects.filter(is_active=True, kind='scored').order_by('slug').first();"
              "t=f.topics.order_by('slug').first();"
              "from mljudge.leaderboards.models import Standing;"
              "u=Standing.objects.filter(scope='all').order_by('-points','reached_at').select_related('user')[5].user;"
              "print(json.dumps([f.slug, s.slug if s else f.slug, t.slug, u.username]))")
    function_slug, scored_slug, topic, top_user = json.loads(manage(env, "shell", "-v", "0", "-c", script).strip())
    return {
        "global, all time": "/leaderboard/",
        "global, last 30 days": "/leaderboard/?period=30d",
        f"global, topic {topic}": f"/leaderboard/?topic={topic}",
        "global, all time, page 100": "/leaderboard/?page=100",
        f"problem {function_slug}": f"/leaderboard/problems/{function_slug}/",
        f"problem {scored_slug} (scored)": f"/leaderboard/problems/{scored_slug}/",
        f"problem stats {function_slug}": f"/leaderboard/problems/{function_slug}/stats/",
        f"profile {top_user}": f"/users/{top_user}/",
        # Not a leaderboard page: the floor of the stack (session, user, base template, context processors).
        "baseline: password-change form": "/accounts/password_change/",
    }


# --- the load generator (a second process) -------------------------------------------------------------

def load(port: int, path: str, *, session: str, concurrency: int, seconds: float, max_requests: int) -> dict:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    headers = {"Cookie": f"sessionid={session}", "Host": "127.0.0.1"}

    def worker() -> None:
        while time.monotonic() < deadline:
            with lock:
                if len(latencies) + errors[0] >= max_requests:
                    return
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            t0 = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
            elapsed = (time.perf_counter() - t0) * 1000
            conn.close()
            with lock:
                if ok:
                    latencies.append(elapsed)
                else:
                    errors[0] += 1

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - started
    latencies.sort()
    pct = (lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]) if latencies else (lambda q: 0.0)
    return {"requests": len(latencies), "errors": errors[0], "p50": pct(0.50), "p99": pct(0.99),
            "mean": statistics.fmean(latencies) if latencies else 0.0, "rps": len(latencies) / wall}


def get(port: int, path: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(env: dict, port: int, workers: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "mljudge.config.wsgi", "--chdir", str(ROOT / "platform"),
         "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--log-level", "warning"],
        cwd=ROOT, env=env)
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--submissions", type=int, default=100_000)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=10.0, help="per page")
    parser.add_argument("--max-requests", type=int, default=3000, help="per page")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--reseed", action="store_true")
    parser.add_argument("--load-only", nargs=4, metavar=("PORT", "PATH", "SESSION", "JSON_OPTIONS"),
                        help=argparse.SUPPRESS)  # the second process
    args = parser.parse_args()
    if args.load_only:
        port, path, session, options = args.load_only
        print(json.dumps(load(int(port), path, session=session, **json.loads(options))))
        return

    url = bench_database_url(os.environ.get("DATABASE_URL", ""))
    ensure_database(url)
    env = bench_env(url)
    prepare(env, users=args.users, submissions=args.submissions, reseed=args.reseed)
    pages = pages_for(env)
    measured = query_counts(env, pages)
    print(f"\nin-process, signed in as {measured['viewer']} (a mid-table user: own row pinned), one at a time:")
    print(f"  {'page':<40} {'queries':>7} {'ms/request (best of 5x10)':>27}")
    for name, result in measured["counts"].items():
        print(f"  {name:<40} {result['queries']:>7} {result['ms']:>27.1f}  (HTTP {result['status']})")

    port = free_port()
    server = serve(env, port, args.workers)
    options = json.dumps({"concurrency": args.concurrency, "seconds": args.seconds,
                          "max_requests": args.max_requests})
    print(f"\nload average before the load: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
          f"on {os.cpu_count()} CPUs (shared machine)")
    print(f"load: {args.concurrency} client threads in a second process, gunicorn --workers {args.workers}, "
          f"up to {args.seconds:g} s or {args.max_requests} requests per page")
    print(f"  {'page':<40} {'requests':>8} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>7}")
    worst = 0.0
    try:
        for _ in range(args.workers * 2):   # warm every worker's connection, templates and caches first
            for path in pages.values():
                get(port, path)
        for name, path in pages.items():
            out = subprocess.run([PY, __file__, "--load-only", str(port), path, measured["session"], options],
                                 check=True, capture_output=True, text=True, cwd=ROOT)
            r = json.loads(out.stdout)
            worst = max(worst, r["p99"])
            flag = "" if r["p99"] <= TARGET_P99_MS else "  (over target)"
            print(f"  {name:<40} {r['requests']:>8} {r['p50']:>8.1f} {r['p99']:>8.1f} {r['rps']:>7.0f}"
                  f"{' errors: ' + str(r['errors']) if r['errors'] else ''}{flag}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"\nworst p99: {worst:.1f} ms (target {TARGET_P99_MS:g} ms); load average after: "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
