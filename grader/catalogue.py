"""The problem catalogue as Markdown (docs/problems.md is made by `python -m grader catalogue --by-plan
problems/`): one table, or one table per study plan in the plan's order."""
from __future__ import annotations

from pathlib import Path

from .plans import load_plans, plans_folder
from .problem import Kind, ProblemError, load_problem
from .validate import problem_folders

HEADER = ["| slug | title | kind | runtime | difficulty | topics | public | hidden | wrong |",
          "|---|---|---|---|---|---|---|---|---|"]


def _row(folder: Path) -> str:
    try:
        p = load_problem(folder)
        cases = p.cases() if p.kind is not Kind.DESIGN else []
    except ProblemError as exc:
        return f"| {folder.name} | INVALID: {'; '.join(exc.errors)[:80]} | | | | | | | |"
    public = sum(c.public for c in cases)
    runtime = "" if p.kind is Kind.DESIGN else p.runtime
    return (f"| {p.slug} | {p.title} | {p.kind} | {runtime} | {p.difficulty} | {', '.join(p.topics)} | "
            f"{public} | {len(cases) - public} | {len(p.wrong)} |")


def catalogue(path: Path, *, by_plan: bool = False) -> str:
    folders = {f.name: f for f in problem_folders(path)}
    if not by_plan:
        return "\n".join([*HEADER, *(_row(f) for f in folders.values())])
    plans, errors = load_plans(plans_folder(path))
    out, placed = [], set()
    for plan in plans:
        out += [f"## {plan.title}", "", plan.summary, "", *HEADER]
        for step in plan.steps:
            placed.add(step.problem)
            out.append(_row(folders[step.problem]) if step.problem in folders
                       else f"| {step.problem} | not in the bank yet | | | | | | | |")
        out.append("")
    rest = [name for name in folders if name not in placed]
    if rest:
        out += ["## Not in a plan", "", *HEADER, *(_row(folders[name]) for name in rest), ""]
    out += [f"Plan file error: {e}" for e in errors]
    return "\n".join(out).rstrip()
