"""Loading problems/ into the catalogue. An invalid folder is reported — which file, which field — and
leaves whatever was stored before untouched. A folder whose grading content changed becomes a new version,
and the problem's submissions are rejudged in the background on the rejudge queue. Each version's grading
files are stored as a bundle in the database, so that a worker host whose own folder is another version
still grades the version a submission was made against (grading.versions).

Called by authoring.services.sync_run_execute (a Celery task on the rejudge queue for the authors' page, or
in-process for `manage.py sync_problems`), never by a web request: with the sandbox check it grades every
reference, starter and wrong solution, which only a worker may do."""
from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import asdict, dataclass, field
from pathlib import Path

import grader
from grader.plans import load_plans, plans_folder
from grader.validate import Row, check_problem, problem_folders

from mljudge.problemset.services import ProblemData, SyncOutcome, problem_store

from .versions import BundleTooLarge, bundle_pack

DRAFT_MARKER = "DRAFT"   # an empty file in a folder: sync it as a draft (authors preview it; solvers never see it)


@dataclass
class SyncReport:
    outcomes: dict[str, SyncOutcome] = field(default_factory=dict)
    invalid: dict[str, list[str]] = field(default_factory=dict)   # folder name -> 'file: field: what' lines
    checks: dict[str, list[Row]] = field(default_factory=dict)    # folder name -> every sandbox check row
    drafts: list[str] = field(default_factory=list)
    rejudged: dict[str, int] = field(default_factory=dict)        # slug -> submissions queued for rejudging
    plans: list[str] = field(default_factory=list)                # study plans stored (a full sync only)
    plans_skipped: dict[str, list[str]] = field(default_factory=dict)  # plan -> its steps not in the catalogue
    plan_errors: list[str] = field(default_factory=list)          # plan files that could not be read

    @property
    def ok(self) -> bool:
        return not self.invalid

    def as_json(self) -> dict:
        """The stored form (SyncRun.report): plain strings, numbers, lists and dicts."""
        return asdict(self)


def _sandbox_check(folder: Path) -> tuple[list[Row], list[str]]:
    """grader check in this worker's sandbox pool: the reference passes, the starter and wrong solutions fail.
    Returns every row (what the author sees) and the failures (what makes the folder invalid)."""
    from .sandboxes import sandbox_pools

    result = check_problem(folder, sandbox_pools())
    lines = [f"{r.item}: want {r.want}, got {r.got}{' — ' + r.detail if r.detail else ''}"
             for r in result.rows if not r.ok]
    return result.rows, [*result.errors, *lines]


def problem_folder_names(*, root: Path) -> list[str]:
    """The folders a sync of root would load (the authors' page offers them as "only these")."""
    return [folder.name for folder in problem_folders(root)] if root.is_dir() else []


def problems_sync(*, root: Path, check_cases: bool = True, sandbox_check: bool = False, draft: bool = False,
                  only: Collection[str] = (),
                  on_folder: Callable[[int, int, str], None] | None = None) -> SyncReport:
    """Syncs every problem folder of root (or only the named ones). on_folder(n, total, name) is called before
    each folder: the caller's sign of life during a long sandbox check."""
    from .rejudge import problem_rejudge_enqueue

    report = SyncReport()
    if not root.is_dir():
        report.invalid[str(root)] = ["not a folder"]
        return report
    folders = problem_folders(root)
    if only:
        # Names are matched against the listing, never joined to a path.
        wanted = set(only)
        found = {f.name for f in folders}
        report.invalid.update({name: ["no such problem folder"] for name in sorted(wanted - found)})
        folders = [f for f in folders if f.name in wanted]
    for n, folder in enumerate(folders, 1):
        if on_folder is not None:
            on_folder(n, len(folders), folder.name)
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
            report.checks[folder.name], failures = _sandbox_check(folder)
            if failures:
                report.invalid[folder.name] = failures
                continue
        bundle = None
        if problem.kind is not grader.Kind.DESIGN:  # design answers are never graded by a worker
            try:
                bundle = bundle_pack(folder)  # every worker host can then grade this version (grading.versions)
            except BundleTooLarge as exc:
                report.invalid[folder.name] = [str(exc)]
                continue
        is_draft = draft or (folder / DRAFT_MARKER).exists()
        stored, outcome = problem_store(data=ProblemData(
            slug=problem.slug, title=problem.title, kind=problem.kind.value,
            difficulty=problem.difficulty.value, topics=list(problem.topics), statement_md=problem.statement,
            starter=problem.starter, entry_point=problem.entry_point, declared_version=problem.version,
            content_hash=problem.content_hash(), draft=is_draft,
            score_threshold=problem.scoring.get("threshold") if problem.kind is grader.Kind.SCORED else None,
            score_min=problem.score_range[0], score_max=problem.score_range[1], runtime=problem.runtime.value,
            hints=tuple((h.title, h.body) for h in problem.learning.hints), learn_md=problem.learning.learn,
            editorial_md=problem.learning.editorial, bundle=bundle))
        report.outcomes[problem.slug] = outcome
        if outcome is SyncOutcome.DRAFT:
            report.drafts.append(problem.slug)
        if outcome is SyncOutcome.NEW_VERSION:
            report.rejudged[problem.slug] = len(problem_rejudge_enqueue(problem_id=stored.id))
    if not only:
        _plans_sync(root=root, report=report)
    return report


def _plans_sync(*, root: Path, report: SyncReport) -> None:
    """The study plans beside the problems folder (grader.plans), stored after every problem is: a step whose
    problem is not in the catalogue is skipped, and the report says so."""
    from mljudge.learning.services import plans_store

    plans, report.plan_errors = load_plans(plans_folder(root))
    if not plans and not report.plan_errors:
        return  # no plans/ folder: the stored plans are left as they are
    report.plans_skipped = plans_store(plans=plans)
    report.plans = [plan.slug for plan in plans]
