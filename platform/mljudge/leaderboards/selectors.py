"""Reads of the leaderboards, profiles and problem statistics. Each page costs a fixed number of queries,
whatever the number of users or submissions (the precomputed Standing and BestResult rows are index scans)."""
from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import cache
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from mljudge.assessments.selectors import hidden_results
from mljudge.core.text import lookup_text
from mljudge.problemset.models import Kind, Problem, Topic
from mljudge.submissions.models import Mode, Status, Submission, Verdict
from mljudge.submissions.selectors import can_view_all_submissions

from .models import BestResult, Revision, Scope, Standing

PER_PAGE = 50
CACHE_SECONDS = 300


class Period:
    ALL = "all"
    LAST_30_DAYS = "30d"


class Ranking(enum.StrEnum):
    """Which ranking a problem's leaderboard shows (?ranking=)."""

    FIRST_SOLVE = "first_solve"   # function problems: by first accepted time
    PUBLIC = "public"             # scored problems: best public score
    PRIVATE = "private"           # scored problems, once revealed (staff: always): that submission's private score
    do_not_call_in_templates = enum.nonmember(True)  # templates compare with Ranking.PUBLIC


def leaderboard_revision(*, scope: str | None = None, problem_id: int | None = None) -> str:
    """The counters a cached page of one scope (or one problem) depends on, read in one query. They change in
    the same transaction as the rows they cover (services.revisions_bump): cache keys built from them are exact,
    never stale, and a grade elsewhere leaves them alone."""
    names = [Revision.REBUILD, Revision.of_scope(scope) if scope is not None else Revision.of_problem(problem_id)]
    rows = {name: f"{token}.{number}" for name, token, number in
            Revision.objects.filter(name__in=names).values_list("name", "token", "number")}
    return "/".join(rows.get(name, "0") for name in names)


def _key(*parts) -> str:
    # Parts may hold user input (a topic): hash them into a short, safe cache key.
    return "leaderboards:" + hashlib.sha256(repr(parts).encode()).hexdigest()[:40]


@dataclass
class Row:
    rank: int | None
    user: AbstractBaseUser
    points: float
    solved: int
    reached_at: object


@dataclass
class Board:
    """One page of a ranking. `rows` is read lazily: when the page's HTML is cached (keyed by `cache_key`, which
    includes the revision), it is never queried."""

    page: int
    pages: int
    count: int
    start: int
    cache_key: str
    own: Row | None = None          # the viewer's row when it is not on this page (pinned)
    own_on_page: bool = False
    cache_seconds: int = CACHE_SECONDS  # how long the page's HTML may be cached (the template's {% cache %})
    _rows: object = field(default=None, repr=False)

    @cached_property
    def rows(self) -> list:
        return self._rows()


def _page_number(raw: str | int | None, pages: int) -> int:
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), max(pages, 1))


def leaderboard_scope(*, period: str, topic: str) -> str:
    """The Standing scope of a filter; a topic wins over the period (topic totals are all-time)."""
    if topic:
        return Scope.topic(lookup_text(topic))
    return Scope.LAST_30_DAYS if period == Period.LAST_30_DAYS else Scope.ALL


RANK_ORDER = ("-points", "reached_at", "user_id")


def _rank_of(standing: Standing) -> int:
    ahead = Standing.objects.filter(
        Q(points__gt=standing.points) | Q(points=standing.points, reached_at__lt=standing.reached_at)
        | Q(points=standing.points, reached_at=standing.reached_at, user_id__lt=standing.user_id),
        scope=standing.scope).count()
    return ahead + 1


def leaderboard_global(*, viewer: AbstractBaseUser, period: str = Period.ALL, topic: str = "",
                       page: str | int | None = 1, per_page: int | None = None) -> Board:
    per_page = per_page or PER_PAGE
    scope = leaderboard_scope(period=period, topic=topic)
    revision = leaderboard_revision(scope=scope)
    ranked = Standing.objects.filter(scope=scope)
    count = cache.get_or_set(_key("count", scope, revision), ranked.count, CACHE_SECONDS)
    pages = max(1, -(-count // per_page))
    number = _page_number(page, pages)
    start = (number - 1) * per_page

    def rows() -> list[Row]:
        # The page's ids from the index alone, then only those rows joined: deep pages stay cheap.
        ids = ranked.order_by(*RANK_ORDER).values("id")[start:start + per_page]
        standings = Standing.objects.filter(id__in=ids).select_related("user", "user__profile").order_by(*RANK_ORDER)
        return [Row(rank=start + i + 1, user=s.user, points=s.points, solved=s.solved, reached_at=s.reached_at)
                for i, s in enumerate(standings)]

    board = Board(page=number, pages=pages, count=count, start=start, _rows=rows,
                  cache_key=_key("global", scope, number, per_page, revision))
    if viewer.is_authenticated:
        def own() -> tuple | None:
            mine = ranked.filter(user_id=viewer.pk).first()
            return (mine.points, mine.solved, mine.reached_at, _rank_of(mine)) if mine else None

        mine = cache.get_or_set(_key("own", scope, viewer.pk, revision), own, CACHE_SECONDS)
        points, solved, reached_at, rank = mine or (0.0, 0, None, None)
        board.own_on_page = rank is not None and start < rank <= start + per_page
        if not board.own_on_page:
            board.own = Row(rank=rank, user=viewer, points=points, solved=solved, reached_at=reached_at)
    return board


def leaderboard_topics() -> list[str]:
    return cache.get_or_set("leaderboards:topics", lambda: list(
        Topic.objects.filter(problems__is_active=True).distinct().values_list("slug", flat=True)), CACHE_SECONDS)


# --- per problem -------------------------------------------------------------------------------------

def private_ranking_visible(*, problem: Problem, viewer: AbstractBaseUser, now=None) -> bool:
    """Staff always; everyone else only once staff have revealed it (private_revealed_at reached)."""
    if viewer.is_authenticated and viewer.is_staff:
        return True
    return problem.private_revealed_at is not None and problem.private_revealed_at <= (now or timezone.now())


@dataclass
class ProblemBoard(Board):
    ranking: Ranking = Ranking.FIRST_SOLVE
    private_visible: bool = False
    revealed: bool = False


def leaderboard_for_problem(*, problem: Problem, viewer: AbstractBaseUser, ranking: str = "",
                            page: str | int | None = 1, per_page: int | None = None) -> ProblemBoard:
    """Function problems: who solved it, by first accepted time. Scored problems: best public score per user,
    or (once revealed, or for staff) the private score of that same submission."""
    per_page = per_page or PER_PAGE
    revealed = problem.private_revealed_at is not None and problem.private_revealed_at <= timezone.now()
    private_visible = problem.kind == Kind.SCORED and private_ranking_visible(problem=problem, viewer=viewer)
    qs = BestResult.objects.filter(problem=problem)
    if problem.kind == Kind.SCORED:
        if ranking == Ranking.PRIVATE and private_visible:
            ranking = Ranking.PRIVATE
            qs = qs.filter(private_score__isnull=False).order_by("-private_score", "achieved_at", "id")
        else:
            ranking = Ranking.PUBLIC
            qs = qs.filter(best_score__isnull=False).order_by("-best_score", "achieved_at", "id")
    else:
        ranking = Ranking.FIRST_SOLVE
        qs = qs.filter(solved=True).order_by("solved_at", "id")
    revision = leaderboard_revision(problem_id=problem.pk)
    count = cache.get_or_set(_key("problem-count", problem.pk, ranking, revision), qs.count, CACHE_SECONDS)
    pages = max(1, -(-count // per_page))
    number = _page_number(page, pages)
    start = (number - 1) * per_page

    def rows() -> list[BestResult]:
        return list(qs.select_related("user", "user__profile")[start:start + per_page])

    # Who may see private scores is part of the key: a staff member's page is never served to a solver.
    key = _key("problem", problem.pk, ranking, number, per_page, private_visible, revealed, revision)
    return ProblemBoard(page=number, pages=pages, count=count, start=start, cache_key=key, _rows=rows,
                        ranking=ranking, private_visible=private_visible, revealed=revealed)


@dataclass
class ProblemStats:
    attempts: int
    accepted: int
    users_tried: int
    users_solved: int
    verdicts: list[tuple[str, int]]   # (Verdict value, submissions), most frequent first

    @property
    def acceptance_rate(self) -> float | None:
        return self.accepted / self.attempts if self.attempts else None


def problem_stats(*, problem: Problem) -> ProblemStats:
    key = _key("stats", problem.pk, leaderboard_revision(problem_id=problem.pk))
    return cache.get_or_set(key, lambda: _problem_stats(problem=problem), CACHE_SECONDS)


def _problem_stats(*, problem: Problem) -> ProblemStats:
    by_verdict = dict(Submission.objects.filter(problem=problem, mode=Mode.SUBMIT, status=Status.GRADED)
                      .exclude(hidden_results()).values_list("verdict").annotate(n=Count("id")).order_by())
    users = BestResult.objects.filter(problem=problem).aggregate(tried=Count("id"), solved=Count("id", filter=Q(solved=True)))
    return ProblemStats(attempts=sum(by_verdict.values()), accepted=by_verdict.get(Verdict.ACCEPTED, 0),
                        users_tried=users["tried"], users_solved=users["solved"],
                        verdicts=sorted(by_verdict.items(), key=lambda kv: -kv[1]))


def with_solve_stats(problems: QuerySet[Problem]) -> QuerySet[Problem]:
    """The catalogue's figures, counted as problem_stats counts them, in the same query as the list (a
    correlated subquery each, so no query per row): `graded_count` and `accepted_count` (graded submissions,
    not runs; acceptance = accepted / graded) and `solved_count` (users whose best result counts as solved)."""
    def counted(rows: QuerySet) -> Coalesce:
        return Coalesce(Subquery(rows.filter(problem=OuterRef("pk")).order_by().values("problem")
                                 .annotate(n=Count("id")).values("n")[:1], output_field=IntegerField()), 0)

    graded = Submission.objects.filter(mode=Mode.SUBMIT, status=Status.GRADED).exclude(hidden_results())
    return problems.annotate(graded_count=counted(graded),
                             accepted_count=counted(graded.filter(verdict=Verdict.ACCEPTED)),
                             solved_count=counted(BestResult.objects.filter(solved=True)))


# --- profiles ----------------------------------------------------------------------------------------

ACTIVITY_WEEKS = 26
RECENT = 15


@dataclass
class Profile:
    person: AbstractBaseUser
    standing: Standing | None
    rank: int | None
    solved_by_topic: list[tuple[str, int]]
    weeks: list[tuple[date, int]]
    graded: int
    accepted: int
    recent: list[Submission]
    can_see_code: bool

    @property
    def acceptance_rate(self) -> float | None:
        return self.accepted / self.graded if self.graded else None


def profile_for_viewer(*, username: str, viewer: AbstractBaseUser, today: date | None = None) -> Profile:
    person = get_object_or_404(get_user_model().objects.select_related("profile"), username=username,
                               is_active=True)
    standing = Standing.objects.filter(scope=Scope.ALL, user=person).first()
    by_topic = (BestResult.objects.filter(user=person, solved=True, problem__topics__isnull=False)
                .values_list("problem__topics__slug").annotate(n=Count("id")).order_by("-n", "problem__topics__slug"))
    today = today or timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    first = monday - timedelta(weeks=ACTIVITY_WEEKS - 1)
    since = timezone.make_aware(datetime.combine(first, time.min))
    per_day = (Submission.objects.filter(user=person, created_at__gte=since)
               .annotate(day=TruncDate("created_at")).values_list("day").annotate(n=Count("id")).order_by())
    weeks = {first + timedelta(weeks=i): 0 for i in range(ACTIVITY_WEEKS)}
    for day, n in per_day:
        week = day - timedelta(days=day.weekday())
        weeks[week] = weeks.get(week, 0) + n
    rates = (Submission.objects.filter(user=person, mode=Mode.SUBMIT, status=Status.GRADED)
             .exclude(hidden_results(user_id=person.pk)).aggregate(
        graded=Count("id"), accepted=Count("id", filter=Q(verdict=Verdict.ACCEPTED))))
    recent = list(Submission.objects.filter(user=person).exclude(mode=Mode.RUN).select_related("problem")
                  .only("id", "user_id", "mode", "status", "verdict", "score", "score_override", "passed", "total", "created_at",
                        "problem__slug", "problem__title", "problem__kind",
                        "problem__score_threshold")[:RECENT])
    can_see_code = viewer.is_authenticated and (viewer.pk == person.pk or can_view_all_submissions(user=viewer))
    return Profile(person=person, standing=standing, rank=_rank_of(standing) if standing else None,
                   solved_by_topic=list(by_topic), weeks=sorted(weeks.items()), graded=rates["graded"],
                   accepted=rates["accepted"], recent=recent, can_see_code=can_see_code)


def problem_for_leaderboard(*, slug: str) -> Problem:
    problems = Problem.objects.only("id", "slug", "title", "kind", "difficulty", "score_threshold",
                                    "private_revealed_at", "is_active")
    try:
        return problems.get(slug=lookup_text(slug), is_active=True)
    except Problem.DoesNotExist:
        raise Http404("No such problem") from None


