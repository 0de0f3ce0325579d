"""Submit → verdict through the whole stack, the pages against the API. Not a test: it prints figures for
docs/performance.md ("Submit → verdict through the whole stack").

    scripts/run.sh &        # the site, a worker with its warm pool, beat (prints the demo login)
    .venv/bin/python benchmarks/submit_latency.py [--url http://127.0.0.1:8000] [--rounds 7] [--problem softmax]

Logs in as the demo user (as a browser would: CSRF cookie, form POST), creates an API token on the tokens
page, then for each round and each mode (Run, Submit) times three ways from the POST to the final verdict,
interleaved and in a rotating order so that the machine's noise falls on all of them alike:
- page: POST the form (/submissions/{run,submit}/<slug>/), then GET /submissions/<id>/status/ every 20 ms
  (what htmx does, at 50 times its rate) until the fragment's data-status is final;
- api-poll: POST /api/v1/problems/<slug>/submissions, then GET /api/v1/submissions/<id> every 20 ms;
- api-wait: the same POST, then the long-poll GET /api/v1/submissions/<id>?wait=20&seen=N until final.
Prints the median (and min/max) per way and mode, and the ratio of each API way to the page. Loopback (or the
URL given) only; at most rounds × 6 submissions, each bounded at 120 s.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
FINAL = {"graded", "system_error", "awaiting_review"}
POLL_S = 0.02
LIMIT_S = 120.0


def log_in(client: httpx.Client, username: str, password: str) -> None:
    client.get("/accounts/login/")
    response = client.post("/accounts/login/", data={
        "username": username, "password": password, "csrfmiddlewaretoken": client.cookies["csrftoken"]})
    if response.status_code != 302:
        raise SystemExit(f"login as {username} failed ({response.status_code}); is scripts/run.sh running?")


def create_token(client: httpx.Client) -> str:
    response = client.post("/accounts/tokens/", data={
        "name": f"bench {time.strftime('%H:%M:%S')}", "scopes": ["read", "submit"], "expires_in_days": "7",
        "csrfmiddlewaretoken": client.cookies["csrftoken"]})
    match = re.search(r'data-testid="token-secret">([^<]+)<', response.text)
    if not match:
        raise SystemExit(f"no token on the tokens page ({response.status_code})")
    return match.group(1)


def via_page(client: httpx.Client, slug: str, mode: str, source: str) -> tuple[float, str]:
    start = time.perf_counter()
    response = client.post(f"/submissions/{mode}/{slug}/", data={
        "source": source, "csrfmiddlewaretoken": client.cookies["csrftoken"]})
    match = re.search(r"/submissions/(\d+)/", response.headers.get("location", ""))
    if not match:
        raise SystemExit(f"the page refused the submission ({response.status_code})")
    sid = match.group(1)
    while time.perf_counter() - start < LIMIT_S:
        fragment = client.get(f"/submissions/{sid}/status/").text
        status = re.search(r'data-status="([a-z_]+)"', fragment).group(1)
        if status in FINAL:
            verdict = re.search(r'data-testid="verdict">(.*?)</span>', fragment, re.S)
            return time.perf_counter() - start, re.sub(r"<[^>]+>|\s+", " ", verdict.group(1)).strip()
        time.sleep(POLL_S)
    raise SystemExit(f"submission {sid} not graded within {LIMIT_S} s")


def via_api(api: httpx.Client, slug: str, mode: str, source: str, *, wait: bool) -> tuple[float, str]:
    start = time.perf_counter()
    response = api.post(f"/api/v1/problems/{slug}/submissions", json={"source": source, "mode": mode})
    if response.status_code != 201:
        raise SystemExit(f"the API refused the submission: {response.status_code} {response.text[:300]}")
    sid = response.json()["id"]
    seen = 0
    while time.perf_counter() - start < LIMIT_S:
        params = {"wait": 20, "seen": seen} if wait else {}
        body = api.get(f"/api/v1/submissions/{sid}", params=params).json()
        if body["final"]:
            return time.perf_counter() - start, body["verdict"] or body["status"]
        seen = len(body["progress"]["tests"])
        if not wait:
            time.sleep(POLL_S)
    raise SystemExit(f"submission {sid} not graded within {LIMIT_S} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--username", default="demo")
    parser.add_argument("--password", default="mljudge-demo")
    parser.add_argument("--problem", default="softmax")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    if not 1 <= args.rounds <= 40:
        raise SystemExit("--rounds: 1 to 40")
    source = (ROOT / "problems" / args.problem / "reference.py").read_text()

    timeout = httpx.Timeout(30.0)
    with httpx.Client(base_url=args.url, timeout=timeout) as page:
        log_in(page, args.username, args.password)
        token = create_token(page)
        with httpx.Client(base_url=args.url, timeout=timeout, headers={"Authorization": f"Bearer {token}"}) as api:
            ways = {"page": lambda m: via_page(page, args.problem, m, source),
                    "api-poll": lambda m: via_api(api, args.problem, m, source, wait=False),
                    "api-wait": lambda m: via_api(api, args.problem, m, source, wait=True)}
            names = list(ways)
            times: dict[tuple[str, str], list[float]] = {}
            verdicts: dict[tuple[str, str], set[str]] = {}
            for mode in ("run", "submit"):
                for _ in range(2):   # warm-up: pools, caches, connections
                    for name in names:
                        ways[name](mode)
                for r in range(args.rounds):
                    order = names[r % len(names):] + names[:r % len(names)]
                    for name in order:
                        seconds, verdict = ways[name](mode)
                        times.setdefault((mode, name), []).append(seconds)
                        verdicts.setdefault((mode, name), set()).add(verdict)
    print(f"{args.url} {args.problem}: POST → final verdict, {args.rounds} rounds (after 2 warm-up)")
    print(f"{'mode':7} {'way':9} {'median ms':>10} {'min':>7} {'max':>7}  {'vs page':>7}  verdicts")
    for mode in ("run", "submit"):
        base = statistics.median(times[(mode, "page")])
        for name in names:
            values = times[(mode, name)]
            median = statistics.median(values)
            print(f"{mode:7} {name:9} {median * 1000:10.0f} {min(values) * 1000:7.0f} {max(values) * 1000:7.0f}"
                  f"  {median / base:7.2f}  {', '.join(sorted(verdicts[(mode, name)]))}")


if __name__ == "__main__":
    sys.exit(main())
