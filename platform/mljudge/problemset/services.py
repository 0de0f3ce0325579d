"""Writes to the catalogue. Loading problem folders is grading's job (it owns `grader`); this stores
what it found, as plain data."""
from __future__ import annotations

import enum
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max

from mljudge.core.markdown import render_statement

from .models import Problem, ProblemBundle, ProblemVersion, Topic


class SyncOutcome(enum.StrEnum):
    CREATED = "created"
    NEW_VERSION = "new version"
    UPDATED = "updated"          # statement/title/starter changed, grading content did not
    UNCHANGED = "unchanged"
    DRAFT = "draft"              # stored as a draft: invisible to solvers
    DRAFT_REFUSED = "draft refused: the problem is published"  # a draft never hides a published problem


@dataclass(frozen=True)
class ProblemData:
    slug: str
    title: str
    kind: str
    difficulty: str
    topics: list[str]
    statement_md: str
    starter: str
    entry_point: str
    declared_version: int
    content_hash: str
    draft: bool = False
    score_threshold: float | None = None
    score_min: float | None = 0.0       # the grader's score range (grader.Problem.score_range)
    score_max: float | None = 1.0
    runtime: str = "numpy"
    hints: tuple[tuple[str, str], ...] = ()   # (title, Markdown body) in reveal order
    learn_md: str = ""
    editorial_md: str = ""
    bundle: bytes | None = None         # the grading files, for worker hosts with another folder (grading.versions)


@transaction.atomic
def problem_store(*, data: ProblemData) -> tuple[Problem, SyncOutcome]:
    """Creates or updates the catalogue entry; a new content hash or declared version adds a version row."""
    # The statement is rendered here, once per sync, and compared like any field: a renderer change reaches
    # the stored HTML at the next sync.
    fields = {"title": data.title, "kind": data.kind, "difficulty": data.difficulty,
              "statement_md": data.statement_md, "statement_html": render_statement(data.statement_md),
              "starter": data.starter, "entry_point": data.entry_point, "score_threshold": data.score_threshold,
              "score_min": data.score_min, "score_max": data.score_max, "runtime": data.runtime,
              "hints_html": [{"title": title, "html": render_statement(body)} for title, body in data.hints],
              "learn_html": render_statement(data.learn_md), "editorial_html": render_statement(data.editorial_md)}
    problem = (Problem.objects.select_for_update(of=("self",)).select_related("current_version")
               .filter(slug=data.slug).first())
    if data.draft and problem is not None and not problem.is_draft:
        return problem, SyncOutcome.DRAFT_REFUSED
    if problem is None:
        problem = Problem.objects.create(slug=data.slug, is_active=not data.draft, is_draft=data.draft, **fields)
        outcome = SyncOutcome.CREATED
    else:
        changed = [k for k, v in fields.items() if getattr(problem, k) != v] or not problem.is_active \
            or problem.is_draft != data.draft
        current = problem.current_version
        same_grading = current is not None and current.content_hash == data.content_hash \
            and current.declared_version == data.declared_version
        outcome = SyncOutcome.UNCHANGED if same_grading and not changed \
            else SyncOutcome.UPDATED if same_grading else SyncOutcome.NEW_VERSION
        if changed:
            for key, value in fields.items():
                setattr(problem, key, value)
            problem.is_active = not data.draft
            problem.is_draft = data.draft
            problem.save()
    if outcome in (SyncOutcome.CREATED, SyncOutcome.NEW_VERSION):
        last = problem.versions.aggregate(n=Max("number"))["n"] or 0
        version = ProblemVersion.objects.create(problem=problem, number=last + 1,
                                                declared_version=data.declared_version,
                                                content_hash=data.content_hash)
        Problem.objects.filter(id=problem.id).update(current_version=version)
        problem.current_version = version
    if data.bundle is not None and not ProblemBundle.objects.filter(content_hash=data.content_hash).exists():
        # Also for a version synced before bundles were stored; a concurrent sync may have stored it first.
        ProblemBundle.objects.bulk_create([ProblemBundle(content_hash=data.content_hash, slug=data.slug,
                                                         data=data.bundle)], ignore_conflicts=True)
    topics = [Topic.objects.get_or_create(slug=t)[0] for t in data.topics]
    if set(problem.topics.all()) != set(topics):
        problem.topics.set(topics)
        if outcome is SyncOutcome.UNCHANGED:
            outcome = SyncOutcome.UPDATED
    if data.draft:
        outcome = SyncOutcome.DRAFT
    return problem, outcome
