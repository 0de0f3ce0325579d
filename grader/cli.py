"""python -m grader {check,grade,mine,catalogue} — see --help. Exit codes: 0 graded / all valid, 1 check failed,
2 bad arguments or malformed problem, 3 the sandbox itself failed (system error: retry later)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .catalogue import catalogue
from .engine import grade
from .problem import ProblemError, load_problem
from .sandbox import SandboxError, SandboxPool, SandboxSet, default_limits, make_sandbox
from .sandbox.local_backend import WARNING
from .validate import check_problem, format_check, format_summary, problem_folders


def _sandbox(name: str, pool: int = 0, runtime=None):
    """One runtime's backend (or pool of it); without a runtime, a SandboxSet that makes each runtime's on
    first use (a bank mixes runtimes)."""
    if name == "local":
        print(f"WARNING: {WARNING}", file=sys.stderr)
    if runtime is None:
        return SandboxSet(name, pool=pool)
    backend = make_sandbox(name, runtime=runtime)
    return SandboxPool(backend, size=pool, limits=default_limits(runtime)) if pool else backend


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m grader", description="mljudge grading engine")
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="validate problem folders in the sandbox")
    p_check.add_argument("path", type=Path, help="a problem folder, or a folder of problems")
    p_check.add_argument("--sandbox", choices=["docker", "local"], default="docker")
    p_grade = sub.add_parser("grade", help="grade one submission")
    p_grade.add_argument("problem", type=Path)
    p_grade.add_argument("submission", type=Path)
    p_grade.add_argument("--json", action="store_true", help="print the JSON report")
    p_grade.add_argument("--public-only", action="store_true", help="run only the public cases (Run)")
    p_grade.add_argument("--sandbox", choices=["docker", "local"], default="docker")
    p_grade.add_argument("--reveal-hidden", action="store_true",
                         help="the full report: hidden tests' names, inputs, outputs and messages (authors and "
                              "instructors); without it, the solver's view (Report.for_solver)")
    p_mine = sub.add_parser("mine", help="search for inputs on which a candidate and the reference disagree")
    p_mine.add_argument("problem", type=Path)
    p_mine.add_argument("--wrong", type=Path, action="append", default=[],
                        help="a candidate file (runs in the sandbox); default: every wrong/*.py, run locally")
    p_mine.add_argument("--seconds", type=float, default=30.0, help="search budget per candidate [30]")
    p_mine.add_argument("--sandbox", choices=["docker", "local"], default="docker")
    p_mine.add_argument("--seed", type=int, default=0)
    p_cat = sub.add_parser("catalogue", help="print the problem catalogue as a Markdown table")
    p_cat.add_argument("path", type=Path, nargs="?", default=Path("problems"))
    p_cat.add_argument("--by-plan", action="store_true",
                       help="one table per study plan (plans/ beside the problems folder), in plan order")
    args = parser.parse_args(argv)

    try:
        if args.command == "catalogue":
            print(catalogue(args.path, by_plan=args.by_plan))
            return 0
        if args.command == "check":
            if not args.path.is_dir():
                print(f"{args.path}: not a folder", file=sys.stderr)
                return 2
            sandbox = _sandbox(args.sandbox, pool=2)
            try:
                checks = []
                for folder in problem_folders(args.path):
                    checks.append(check_problem(folder, sandbox))
                    print(format_check(checks[-1]), flush=True)
            finally:
                sandbox.close()  # waits for every container to be removed
            print(format_summary(checks))
            return 0 if all(c.ok for c in checks) else 1
        if args.command == "mine":
            from .mining import mine_command

            return mine_command(args, _sandbox)
        problem = load_problem(args.problem)
        try:
            source = args.submission.read_bytes()
        except OSError as exc:
            print(f"{args.submission}: {exc.strerror}", file=sys.stderr)
            return 2
        sandbox = _sandbox(args.sandbox, runtime=problem.runtime)
        try:
            report = grade(problem, source, sandbox=sandbox, public_only=args.public_only,
                           reveal_hidden=args.reveal_hidden)
        finally:
            sandbox.close()  # waits for the container to be removed: none outlives the command
    except ProblemError as exc:
        print("malformed problem folder:\n" + "\n".join(f"  {exc.folder}/{e}" for e in exc.errors), file=sys.stderr)
        return 2
    except SandboxError as exc:
        print(f"system error (not the submission's fault; retry): {exc}", file=sys.stderr)
        return 3
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except Exception as exc:  # anything else is ours (engine, sandbox plumbing), never the submission's
        import traceback

        traceback.print_exc()
        print(f"system error (not the submission's fault; retry): {type(exc).__name__}: {exc}", file=sys.stderr)
        return 3
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(_summary(report))
    return 0


def _summary(report) -> str:
    lines = [f"{report.problem} v{report.problem_version}: {report.verdict}  "
             f"({report.passed}/{report.total} passed, score {report.score:.4f}, {report.wall_time_s:.2f}s)"]
    if report.message:
        lines.append(report.message.rstrip())
    for t in report.tests:
        time_s = f"{t.time_s * 1000:.0f} ms" if t.time_s is not None else "-"
        lines.append(f"  {t.visibility:<6} {t.label:<28} {t.verdict:<22} {time_s}")
        if getattr(t, "message", ""):  # a hidden test in a solver report has none
            lines.extend("      " + line for line in t.message.rstrip().splitlines()[-6:])
    return "\n".join(lines)
