"""What a bad submission costs a worker. Not a test: it prints figures for docs/performance.md.

    .venv/bin/python benchmarks/bad_submission_cost.py [--problem kmeans] [--repeat 5]

Grades, in the real Docker sandbox through a warm pool, an infinite loop, a sleeping submission and the
reference, `--repeat` times each, and prints the median wall time of a grade next to the problem's per-case
CPU limit: the goal is that a submission that never returns costs about one limit plus start-up, not one
limit per case.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from grader import SandboxPool, grade, load_problem, make_sandbox

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problem", default="kmeans")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    problem = load_problem(ROOT / "problems" / args.problem)
    limit = problem.limits.time_per_case_s
    entry = problem.entry_point
    sources = {
        "infinite loop": f"def {entry}(*a, **k):\n    while True:\n        pass\n",
        "sleeps forever": f"import time\ndef {entry}(*a, **k):\n    time.sleep(3600)\n",
        "reference": (problem.folder / "reference.py").read_text(),
    }
    n_cases = len(problem.cases())
    print(f"{args.problem}: {n_cases} cases, limit {limit:g} s CPU per case "
          f"(one limit per case would be {n_cases * limit:g} s)")
    with SandboxPool(make_sandbox("docker"), size=2) as pool:
        pool.wait_full()
        for name, source in sources.items():
            walls, verdict = [], ""
            for _ in range(args.repeat):
                started = time.monotonic()
                report = grade(problem, source, sandbox=pool)
                walls.append(time.monotonic() - started)
                verdict = report.verdict
                pool.wait_full()
            median = statistics.median(walls)
            print(f"  {name:<15} {verdict:<20} median {median:5.2f} s per grade "
                  f"= limit + {median - limit:+.2f} s  (min {min(walls):.2f}, max {max(walls):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
