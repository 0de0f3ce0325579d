"""The problem catalogue as a table (docs/problems.md is made by `python -m grader catalogue problems/`)."""
from __future__ import annotations

from pathlib import Path

from .problem import Kind, ProblemError, load_problem
from .validate import problem_folders


def catalogue(path: Path) -> str:
    rows = ["| slug | title | kind | runtime | difficulty | topics | public | hidden | wrong |",
            "|---|---|---|---|---|---|---|---|---|"]
    for folder in problem_folders(path):
        try:
            p = load_problem(folder)
            cases = p.cases() if p.kind is not Kind.DESIGN else []
        except ProblemError as exc:
            rows.append(f"| {folder.name} | INVALID: {'; '.join(exc.errors)[:80]} | | | | | | | |")
            continue
        public = sum(c.public for c in cases)
        runtime = "" if p.kind is Kind.DESIGN else p.runtime
        rows.append(f"| {p.slug} | {p.title} | {p.kind} | {runtime} | {p.difficulty} | {', '.join(p.topics)} | "
                    f"{public} | {len(cases) - public} | {len(p.wrong)} |")
    return "\n".join(rows)
