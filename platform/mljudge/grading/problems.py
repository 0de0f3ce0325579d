"""Loading problems/ into the catalogue (`manage.py sync_problems`, and the authors' sync page). An invalid
folder is reported — which file, which field — and leaves whatever was stored before untouched. A folder
whose grading content changed becomes a new version, and the problem's submissions are rejudged in the
background on the rejudge queue."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import grader
from grader.validate import check_problem, problem_folders

from mljudge.problemset.services import ProblemData, SyncOutcome, problem_store

DRAFT_MARKER = "DRAFT"   # an empty file in a folder: sync it as a draft (authors preview it; solvers never see it)


@dataclass
class SyncReport:
    outcomes: dict[str, SyncOutcome] = field(default_factory=dict)
    invalid: dict[str, list[str]] = field(default_factory=dict)   # folder name -> 'file: field: what' lines
    checks: dict[str, list[str]] = field(default_factory=dict)    # folder name -> sandbox check rows (--check)
    drafts: list[str] = field(default_factory=list)
    rejudged: dict[str, int] = field(default_factory=dict)        # slug -> submissions queued for rejudging

    @property
    def ok(self) -> bool:
        return not self.invalid


def _sandbox_check(folder: Path) -> list[str]:
    """grader check in the configured sandbox: the reference passes, the starter and wrong solutions fail."""
    from .sandboxes import sandbox_pool

    result = check_problem(folder, sandbox_pool())
    lines = [f"{r.item}: want {r.want}, got {r.got}{' — ' + r.detail if r.detail else ''}"
             for r in result.rows if not r.ok]
    return [*result.errors, *lines]


def problems_sync(*, root: Path, check_cases: bool = True, sandbox_check: bool = False,
                  draft: bool = False) -> SyncReport:
    from .rejudge import problem_rejudge_enqueue

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
            report.invalid[folder.name] = [f"cases.py: {type(exc).__name__}: {exc}"]
            continue
        if sandbox_check:
            failures = _sandbox_check(folder)
            if failures:
                report.invalid[folder.name] = failures
                continue
        is_draft = draft or (folder / DRAFT_MARKER).exists()
        stored, outcome = problem_store(data=ProblemData(
            slug=problem.slug, title=problem.title, kind=problem.kind.value,
            difficulty=problem.difficulty.value, topics=list(problem.topics), statement_md=problem.statement,
            starter=problem.starter, entry_point=problem.entry_point, declared_version=problem.version,
            content_hash=problem.content_hash(), draft=is_draft,
            score_threshold=problem.scoring.get("threshold") if problem.kind is grader.Kind.SCORED else None,
            score_min=problem.score_range[0], score_max=problem.score_range[1]))
        report.outcomes[problem.slug] = outcome
        if outcome is SyncOutcome.DRAFT:
            report.drafts.append(problem.slug)
        if outcome is SyncOutcome.NEW_VERSION:
            report.rejudged[problem.slug] = len(problem_rejudge_enqueue(problem_id=stored.id))
    return report
