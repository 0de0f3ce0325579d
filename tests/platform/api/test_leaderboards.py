"""GET /leaderboards/global and /leaderboards/problems/{slug}: the pages' selectors (scopes, pagination, the
caller's own standing, the private-ranking rule, display names) and the rules quoted from leaderboards.scoring."""
from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mljudge.grading.api import solver_time
from mljudge.leaderboards import scoring, selectors

from ..leaderboards.conftest import T0, _empty_cache, days_ago, grade, problems  # noqa: F401  (fixtures)
from .conftest import error_of

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["username"] for row in response.json()["rows"]]


def test_it_ranks_like_the_page_with_display_names_and_rules(api_client, grade, make_user, problems):
    breadth, depth = make_user("breadth", display_name="Bea Breadth"), make_user("depth")
    for key in ("easy", "medium"):
        grade(breadth, problems[key], "accepted", at=T0)
    grade(depth, problems["hard"], "accepted", at=T0)
    api = api_client(make_user("viewer"), ["read"])
    body = api.get("/leaderboards/global").json()
    assert [(r["rank"], r["username"], r["display_name"]) for r in body["rows"]] == [
        (1, "depth", "depth"), (2, "breadth", "Bea Breadth")]
    assert body["rows"][1]["points"] == pytest.approx(2.95) and body["rows"][1]["solved"] == 2
    assert body["rules"] == {**scoring.rules_quoted(), "weights": [list(w) for w in scoring.rules_quoted()["weights"]]}
    assert (body["page"], body["pages"], body["count"]) == (1, 1, 2)
    assert body["you"] == {"rank": None, "username": "viewer", "display_name": "viewer", "points": 0.0,
                           "solved": 0, "reached_at": None}


def test_it_filters_the_last_30_days_and_a_topic(api_client, grade, make_user, problems):
    old, recent = make_user("old"), make_user("recent")
    grade(old, problems["hard"], "accepted", at=days_ago(40))
    grade(recent, problems["easy"], "accepted", at=days_ago(2))
    api = api_client(make_user(), ["read"])
    assert names(api.get("/leaderboards/global")) == ["old", "recent"]
    assert names(api.get("/leaderboards/global", {"period": "30d"})) == ["recent"]
    assert names(api.get("/leaderboards/global", {"topic": "optimisation"})) == ["old"]
    assert names(api.get("/leaderboards/global", {"topic": "no-such-topic"})) == []
    assert names(api.get("/leaderboards/global", {"topic": "\x00"})) == []


def test_it_pages_and_gives_the_callers_standing_wherever_it_is(api_client, grade, make_user, problems,
                                                                 monkeypatch):
    for n in range(4):
        grade(make_user(f"u{n}"), problems["hard"], "accepted", at=T0 + timedelta(minutes=n))
    me = make_user("me")
    grade(me, problems["easy"], "accepted", at=T0)
    monkeypatch.setattr(selectors, "PER_PAGE", 2)
    api = api_client(me, ["read"])
    first = api.get("/leaderboards/global").json()
    assert names_of(first) == ["u0", "u1"] and first["pages"] == 3 and first["you"]["rank"] == 5
    last = api.get("/leaderboards/global", {"page": 3}).json()
    assert names_of(last) == ["me"] and last["you"] == last["rows"][0]
    assert names_of(api.get("/leaderboards/global", {"page": 99}).json()) == ["me"]   # clamped, as the page


def names_of(body: dict) -> list[str]:
    return [row["username"] for row in body["rows"]]


@pytest.mark.parametrize("params", [{"period": "7d"}, {"period": "<script>"}, {"page": 0}, {"page": "abc"},
                                    {"topic": "x" * 61}])
def test_it_refuses_bad_global_queries_with_422(api_client, make_user, params):
    response = api_client(make_user(), ["read"]).get("/leaderboards/global", params)
    assert response.status_code == 422 and error_of(response)["reason"] == "invalid_request"


def test_a_function_problems_board_orders_by_first_accepted_time(api_client, grade, make_user, problems):
    first, second = make_user("first", display_name="Fay First"), make_user("second")
    grade(second, problems["easy"], "accepted", at=T0 + timedelta(hours=1), time_s=0.0437)
    grade(first, problems["easy"], "accepted", at=T0, time_s=0.0123)
    grade(make_user("never"), problems["easy"], "wrong_answer", at=T0)
    api = api_client(first, ["read"])
    body = api.get("/leaderboards/problems/easy-one").json()
    assert names_of(body) == ["first", "second"] and body["ranking"] == "first_solve"
    row = body["rows"][0]
    assert (row["rank"], row["display_name"], row["attempts"]) == (1, "Fay First", 1)
    assert row["runtime_s"] == solver_time(0.0123) == 0.0   # coarse, as the page shows it
    assert body["you"] == row and body["private_visible"] is False


@pytest.fixture
def scored_board(grade, make_user, problems):
    p = problems["scored"]
    grade(make_user("public-best"), p, "accepted", score=0.9, private=0.51, at=T0)
    grade(make_user("private-best"), p, "accepted", score=0.7, private=0.8844, at=T0)
    return p


def test_private_scores_stay_hidden_from_solvers_until_the_reveal(api_client, make_user, scored_board):
    api = api_client(make_user("solver"), ["read"])
    for query in ({}, {"ranking": "private"}, {"ranking": "public"}):
        response = api.get("/leaderboards/problems/scored-one", query)
        assert names(response) == ["public-best", "private-best"]
        body = response.json()
        assert body["ranking"] == "public" and body["private_visible"] is False
        assert all(row["private_score"] is None for row in body["rows"])
        assert "0.8844" not in response.content.decode() and "0.51" not in response.content.decode()
    scored_board.private_revealed_at = timezone.now() - timedelta(minutes=1)
    scored_board.save()
    response = api.get("/leaderboards/problems/scored-one", {"ranking": "private"})
    assert names(response) == ["private-best", "public-best"]
    assert response.json()["rows"][0]["private_score"] == 0.8844


def test_staff_see_the_private_ranking_before_the_reveal(api_client, make_user, scored_board):
    response = api_client(make_user("boss", staff=True), ["read"]).get("/leaderboards/problems/scored-one",
                                                                      {"ranking": "private"})
    assert names(response) == ["private-best", "public-best"]
    assert response.json()["revealed"] is False and response.json()["private_visible"] is True


def test_problem_boards_refuse_unknown_problems_and_rankings(api_client, make_user, problems):
    api = api_client(make_user(), ["read"])
    for slug in ("no-such-problem", "a%00b"):
        response = api.get(f"/leaderboards/problems/{slug}")
        assert response.status_code == 404 and error_of(response)["message"] == "No such problem."
    for params in ({"ranking": "secret"}, {"page": -1}):
        response = api.get("/leaderboards/problems/easy-one", params)
        assert response.status_code == 422 and error_of(response)["reason"] == "invalid_request"


def test_leaderboards_need_the_read_scope(api_client, make_user, problems):
    for path in ("/leaderboards/global", "/leaderboards/problems/easy-one"):
        response = api_client(make_user(), ["submit"]).get(path)
        assert response.status_code == 403 and error_of(response)["reason"] == "scope_missing"
        assert api_client(None).get(path).status_code == 401
