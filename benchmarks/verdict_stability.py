"""Do verdicts depend on how busy the host is? Not a test: it prints figures for docs/performance.md.

    .venv/bin/python benchmarks/verdict_stability.py [--rounds 1] [--graders 4] [--burners 4] [--only kmeans,...]

Grades every code problem's reference, each of its wrong solutions and its independent candidate
(tests/candidates/) in the real Docker sandbox, `--rounds` times at idle (one grader, nothing else running)
and `--rounds` times under heavy contention (`--graders` grading processes at once, each with its own warm
pool, plus `--burners` CPU busy loops: load ≥ 3x the cores). Prints every verdict that differs between any
two gradings of the same file (the goal is 0), the load average seen, and the ratio of the per-test CPU
times and wall times between the two conditions. Bounded: each phase grades a fixed list once per round.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def items(only: set[str]) -> list[tuple[str, str, Path]]:
    from grader import Kind, load_problem

    out = []
    for folder in sorted((ROOT / "problems").iterdir()):
        if not (folder / "problem.toml").exists() or (only and folder.name not in only):
            continue
        if load_problem(folder).kind is Kind.DESIGN:
            continue
        out.append((folder.name, "reference.py", folder / "reference.py"))
        out += [(folder.name, f"wrong/{p.name}", p) for p in sorted((folder / "wrong").glob("*.py"))]
        candidate = ROOT / "tests/candidates" / f"{folder.name.replace('-', '_')}.py"
        if candidate.exists():
            out.append((folder.name, "candidate", candidate))
    return out


def _grade_slice(work: list[tuple[str, str, str]], results) -> None:
    from grader import SandboxSet, grade, load_problem

    problems = {}
    pool = SandboxSet("docker", pool=2)   # a warm pool per runtime (NumPy, PyTorch), made on first use
    try:
        for slug, label, path in work:
            problem = problems.setdefault(slug, load_problem(ROOT / "problems" / slug))
            started = time.monotonic()
            report = grade(problem, Path(path).read_bytes(), sandbox=pool, reveal_hidden=True)
            limit = problem.limits.time_per_case_s
            # What decided the verdict, and how close to the limit the slowest completed test came.
            first = next((t for t in report.tests if not t.passed and t.verdict != "skipped"), None)
            why = f"{first.name}: {first.verdict} at {first.time_s or 0:.3f}s {first.message[-90:]!r}" if first else ""
            done = [t.time_s for t in report.tests if t.time_s and t.verdict not in ("time_limit_exceeded", "skipped")]
            why += f"; slowest completed test {max(done, default=0) / limit:.0%} of the limit"
            results.put((slug, label, str(report.verdict), [t.time_s for t in report.tests if t.time_s],
                         time.monotonic() - started, why))
    finally:
        pool.close()


def _burn(until: float) -> None:
    while time.monotonic() < until:
        pass


def phase(work, *, graders: int, burners: int) -> tuple[dict, list[float], float]:
    ctx = mp.get_context("spawn")
    results = ctx.Queue()
    slices = [[(s, l, str(p)) for s, l, p in work[i::graders]] for i in range(graders)]
    procs = [ctx.Process(target=_grade_slice, args=(sl, results)) for sl in slices if sl]
    burn = [ctx.Process(target=_burn, args=(time.monotonic() + 3600,)) for _ in range(burners)]
    loads: list[float] = []
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(2.0):
            loads.append(os.getloadavg()[0])

    sampler = threading.Thread(target=sample, daemon=True)
    started = time.monotonic()
    for p in burn + procs:
        p.start()
    sampler.start()
    out = {}
    try:
        for _ in range(len(work)):
            slug, label, verdict, times, wall, why = results.get(timeout=1800)
            out[(slug, label)] = (verdict, times, wall, why)
    finally:
        stop.set()
        for p in burn:
            p.terminate()
        for p in procs + burn:
            p.join(timeout=60)
    return out, loads, time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--graders", type=int, default=4)
    parser.add_argument("--burners", type=int, default=4)
    parser.add_argument("--only", default="", help="comma-separated problem slugs")
    args = parser.parse_args()
    work = items({s for s in args.only.split(",") if s})
    print(f"{len(work)} files over {len({s for s, _, _ in work})} problems, {args.rounds} round(s) per condition; "
          f"{os.cpu_count()} cores")
    runs: dict[str, list[dict]] = {"idle": [], "contended": []}
    for round_ in range(args.rounds):
        for name, graders, burners in (("idle", 1, 0), ("contended", args.graders, args.burners)):
            result, loads, took = phase(work, graders=graders, burners=burners)
            runs[name].append(result)
            load = f"load avg median {statistics.median(loads):.1f}, max {max(loads):.1f}" if loads else "load n/a"
            print(f"round {round_ + 1} {name:<9}: {len(result)} gradings in {took:.0f}s ({load})", flush=True)

    changed = []
    for key in sorted(runs["idle"][0]):
        seen = [r[key][0] for cond in runs.values() for r in cond]
        if len(set(seen)) > 1:
            changed.append((key, seen))
    print(f"\nverdicts changed between gradings of the same file: {len(changed)} of {len(work)}")
    for (slug, label), seen in changed:
        print(f"  {slug}/{label}: {' / '.join(seen)}")
        for cond, results in runs.items():
            for r in results:
                print(f"      {cond:<9} {r[(slug, label)][3]}")

    def times(cond: str, key) -> list[float]:
        return [t for r in runs[cond] for t in r[key][1]]

    cpu_ratio = [statistics.median(times("contended", key)) / statistics.median(times("idle", key))
                 for key in runs["idle"][0]
                 if times("idle", key) and times("contended", key) and statistics.median(times("idle", key)) > 0.005]
    wall_ratio = [statistics.median([r[key][2] for r in runs["contended"]]) /
                  statistics.median([r[key][2] for r in runs["idle"]]) for key in runs["idle"][0]]
    print(f"per-file median CPU time per test, contended / idle: median ratio "
          f"{statistics.median(cpu_ratio):.2f} over {len(cpu_ratio)} files with tests over 5 ms"
          if cpu_ratio else "no file had tests over 5 ms of CPU")
    print(f"per-file wall time of a grade, contended / idle: median ratio {statistics.median(wall_ratio):.2f}")
    return 0 if not changed else 1


if __name__ == "__main__":
    sys.exit(main())
