"""Loading problems/ into the catalogue (`manage.py sync_problems`). An invalid folder is reported and
leaves whatever was stored before untouched."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import grader
from grader.validate import problem_folders

from mljudge.problemset.services import ProblemData, SyncOutcome, problem_store


@dataclass
class SyncReport:
    outcomes: dict[str, SyncOutcome] = field(default_factory=dict)
    invalid: dict[str, list[str]] = field(default_factory=dict)   # folder name -> errors


def problems_sync(*, root: Path, check_cases: bool = True) -> SyncReport:
    report = SyncReport()
    if not root.is_dir():
        report.invalid[str(root)] = ["not a folder"]
        return report
    for folder in problem_folders(root):
        try:
            problem = grader.load_problem(folder)
            if check_cases and problem.kind is not grader.Kind.DESIGN:
                problem.cases()  # runs cases.py: a folder whose cases fail is as invalid as a bad toml
        except grader.ProblemError as exc:
            report.invalid[folder.name] = exc.errors
            continue
        except Exception as exc:  # an author's cases.py can raise anything
            report.invalid[folder.name] = [f"{type(exc).__name__}: {exc}"]
            continue
        _, outcome = problem_store(data=ProblemData(
            slug=problem.slug, title=problem.title, kind=problem.kind.value,
            difficulty=problem.difficulty.value, topics=list(problem.topics), statement_md=problem.statement,
            starter=problem.starter, entry_point=problem.entry_point, declared_version=problem.version,
            content_hash=problem.content_hash()))
        report.outcomes[problem.slug] = outcome
    return report
