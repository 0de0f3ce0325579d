"""The catalogue: problems with filters, and one problem's statement, starter, public examples and limits.
Drafts and inactive problems stay hidden exactly as on the pages (problemset.selectors)."""
from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from mljudge.api.auth import scoped
from mljudge.api.models import Scope
from mljudge.api.paging import Mapped, Paged
from mljudge.grading.api import problem_public_facts
from mljudge.problemset.models import Difficulty, Kind, Problem, Runtime
from mljudge.problemset.selectors import SolveStatus, problem_by_slug, problem_catalogue

router = Router(tags=["problems"])


class ProblemFilters(Schema):
    # As the catalogue page reads them (it cuts them at 100 characters; here longer is a 422).
    topic: str = Field("", max_length=100)
    difficulty: Difficulty | None = None
    kind: Kind | None = None
    status: SolveStatus | None = Field(None, description="solved, attempted or new, for the caller")
    q: str = Field("", max_length=100, description="words in the title, slug, topics or statement")


class ProblemSummary(Schema):
    slug: str
    title: str
    kind: Kind
    difficulty: Difficulty
    runtime: Runtime       # what submitted code runs with: numpy, or torch (PyTorch, CPU)
    topics: list[str]
    solved: bool
    url: str


class Example(Schema):
    name: str
    input: str
    expected: str | None   # None for scored problems (their targets are not shown)


class Limits(Schema):
    time_s: float          # CPU seconds per test
    memory_mb: int


class ProblemDetail(ProblemSummary):
    statement_md: str
    statement_html: str    # rendered and sanitised at sync
    starter: str
    entry_point: str
    examples: list[Example]
    limits: Limits | None  # None only if the problem's folder cannot be read on this server
    score_threshold: float | None
    metric: str | None
    version: int | None


def _summary(problem: Problem) -> dict:
    return {"slug": problem.slug, "title": problem.title, "kind": problem.kind, "difficulty": problem.difficulty,
            "runtime": problem.runtime,
            "topics": [topic.slug for topic in problem.topics.all()],
            "solved": getattr(problem, "solve_status", None) == SolveStatus.SOLVED,
            "url": reverse("api-v1:problem", kwargs={"slug": problem.slug})}


@router.get("/problems", response=list[ProblemSummary], auth=scoped(Scope.READ), summary="The problem catalogue")
@paginate(Paged)
def problem_list(request: HttpRequest, filters: Query[ProblemFilters]):
    problems = problem_catalogue(user=request.user, topic=filters.topic, q=filters.q,
                                 difficulty=filters.difficulty or "", kind=filters.kind or "",
                                 status=filters.status or "")
    return Mapped(problems, _summary)


@router.get("/problems/{slug}", response=ProblemDetail, auth=scoped(Scope.READ), url_name="problem",
            summary="A problem: statement, starter, public examples, limits")
def problem_detail(request: HttpRequest, slug: str):
    problem = problem_by_slug(slug=slug)
    solved = problem_catalogue(user=request.user, status=SolveStatus.SOLVED).filter(pk=problem.pk).exists()
    facts = problem_public_facts(slug=problem.slug) or {"examples": [], "limits": None, "metric": None}
    return {**_summary(problem), "solved": solved, **facts,
            "statement_md": problem.statement_md, "statement_html": problem.statement_html,
            "starter": problem.starter, "entry_point": problem.entry_point,
            "score_threshold": problem.score_threshold,
            "version": problem.current_version.number if problem.current_version else None}
