"""The leaderboards: global (all time, last 30 days, or one topic) and per problem, read through the same
selectors as the pages (same scopes, same private-ranking rule, same names)."""
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from mljudge.accounts.selectors import display_name_for
from mljudge.api.auth import scoped
from mljudge.api.models import Scope
from mljudge.grading.api import solver_time
from mljudge.leaderboards import scoring
from mljudge.leaderboards.selectors import (
    Period, Ranking, leaderboard_for_problem, leaderboard_global, problem_for_leaderboard)

router = Router(tags=["leaderboards"])

PERIODS = (Period.ALL, Period.LAST_30_DAYS)


class GlobalQuery(Schema):
    period: str = Field(Period.ALL, pattern="^(" + "|".join(PERIODS) + ")$",
                        description="all, or 30d (the last 30 days)")
    topic: str = Field("", max_length=60, description="a topic's slug: all-time points on its problems")
    page: int = Field(1, ge=1)


class ProblemQuery(Schema):
    ranking: Ranking | None = Field(None, description="scored problems: public, or private once revealed")
    page: int = Field(1, ge=1)


class Standing(Schema):
    rank: int | None
    username: str
    display_name: str
    points: float
    solved: int
    reached_at: datetime | None


class GlobalBoard(Schema):
    rows: list[Standing]
    you: Standing | None     # the caller's standing, wherever it is (rank None: not ranked yet)
    page: int
    pages: int
    count: int
    rules: dict


class ProblemRow(Schema):
    rank: int
    username: str
    display_name: str
    attempts: int
    solved_at: datetime | None      # function problems: the first accepted submission
    runtime_s: float | None         # ...and its time (coarse, as solvers see times with hidden tests)
    public_score: float | None      # scored problems: the best public score
    private_score: float | None     # ...and that submission's private score, only while it may be shown
    achieved_at: datetime | None


class ProblemBoard(Schema):
    problem: str
    ranking: Ranking
    private_visible: bool
    revealed: bool
    rows: list[ProblemRow]
    you: ProblemRow | None   # the caller's row when it is on this page
    page: int
    pages: int
    count: int
    rules: dict


def _person(user: AbstractBaseUser) -> dict:
    # As every page names a person: the free display name beside the unique username.
    return {"username": user.get_username(), "display_name": display_name_for(user=user)}


def _standing(row) -> dict:
    return {"rank": row.rank, **_person(row.user), "points": row.points, "solved": row.solved,
            "reached_at": row.reached_at}


@router.get("/leaderboards/global", response=GlobalBoard, auth=scoped(Scope.READ), summary="The global leaderboard")
def global_board(request: HttpRequest, query: Query[GlobalQuery]):
    board = leaderboard_global(viewer=request.user, period=query.period, topic=query.topic.strip(), page=query.page)
    rows = [_standing(row) for row in board.rows]
    you = next((row for row in rows if row["username"] == request.user.get_username()), None) \
        if board.own_on_page else _standing(board.own) if board.own else None
    return {"rows": rows, "you": you, "page": board.page, "pages": board.pages, "count": board.count,
            "rules": scoring.rules_quoted()}


@router.get("/leaderboards/problems/{slug}", response=ProblemBoard, auth=scoped(Scope.READ),
            summary="A problem's leaderboard")
def problem_board(request: HttpRequest, slug: str, query: Query[ProblemQuery]):
    problem = problem_for_leaderboard(slug=slug)
    board = leaderboard_for_problem(problem=problem, viewer=request.user, ranking=query.ranking or "",
                                    page=query.page)
    rows = [{"rank": board.start + i, **_person(r.user), "attempts": r.attempts, "solved_at": r.solved_at,
             "runtime_s": solver_time(r.runtime_s), "public_score": r.best_score,
             "private_score": r.private_score if board.private_visible else None, "achieved_at": r.achieved_at}
            for i, r in enumerate(board.rows, start=1)]
    you = next((row for row in rows if row["username"] == request.user.get_username()), None)
    return {"problem": problem.slug, "ranking": board.ranking, "private_visible": board.private_visible,
            "revealed": board.revealed, "rows": rows, "you": you, "page": board.page, "pages": board.pages,
            "count": board.count, "rules": scoring.rules_quoted()}
