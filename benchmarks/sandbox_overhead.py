"""Grades one accepted submission N times three ways and prints latency figures.

    .venv/bin/python benchmarks/sandbox_overhead.py [--n 30]                    # NumPy runtime: k-means
    .venv/bin/python benchmarks/sandbox_overhead.py --runtime torch [--n 30]    # torch: multi-head attention

bare:  the harness in a plain subprocess (the local backend: no isolation at all) — the floor.
fresh: a new hardened container per sandbox run (create, start, attach, run, kill, remove).
pool:  pre-started hardened containers (harness and NumPy — and torch — imported, waiting on stdin), each used
       once.
Each grade is two sandbox runs (public cases, then hidden cases in a separate sandbox). The pool is
allowed to refill between grades, as it does between submissions on a worker.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grader import Verdict, grade, load_problem, make_sandbox  # noqa: E402
from grader.sandbox import SandboxPool  # noqa: E402

# runtime -> (problem, an accepted submission, what the figures are about)
SUBJECTS = {
    "numpy": ("kmeans", "kmeans.py", "k-means, accepted submission"),
    "torch": ("torch-multi-head-attention", "torch_multi_head_attention.py",
              "torch MultiHeadAttention module (forward + backward), accepted submission"),
}


def measure(problem, source: str, sandbox, n: int, before=None) -> list[float]:
    times = []
    for _ in range(n):
        if before:
            before()
        t0 = time.perf_counter()
        report = grade(problem, source, sandbox=sandbox)
        times.append(time.perf_counter() - t0)
        if report.verdict is not Verdict.ACCEPTED:
            raise SystemExit(f"{sandbox.name}: expected accepted, got {report.verdict}: {report.message}")
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--runtime", choices=sorted(SUBJECTS), default="numpy")
    args = parser.parse_args()
    slug, candidate, what = SUBJECTS[args.runtime]
    problem = load_problem(ROOT / "problems" / slug)
    source = (ROOT / "tests" / "candidates" / candidate).read_text()
    bare = make_sandbox("local", runtime=args.runtime)
    grade(problem, source, sandbox=bare)  # warm the expected-output cache

    docker = make_sandbox("docker", runtime=args.runtime)
    pool = SandboxPool(docker, size=2, limits=problem.limits)
    results = {
        "bare": measure(problem, source, bare, args.n),
        "fresh": measure(problem, source, docker, args.n),
        "pool": measure(problem, source, pool, args.n, before=pool.wait_full),
    }
    pool.close()
    cases = len(problem.cases())
    print(f"{what}, {cases} cases in 2 sandbox runs per grade, n={args.n} grades each")
    print(f"{'mode':<6} {'median ms':>10} {'p95 ms':>8} {'median/bare':>12} {'p95/bare':>9}")
    bare_med, bare_p95 = statistics.median(results["bare"]), p95(results["bare"])
    for mode, times in results.items():
        med, tail = statistics.median(times), p95(times)
        print(f"{mode:<6} {med * 1000:>10.1f} {tail * 1000:>8.1f} {med / bare_med:>11.2f}x {tail / bare_p95:>8.2f}x")


if __name__ == "__main__":
    main()
