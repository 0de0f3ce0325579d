"""The global leaderboard page: weights, decay, scored proportion, tie-breaks, filters, pagination and the
viewer's pinned row."""
import re
from datetime import timedelta

import pytest
from django.urls import reverse

from mljudge.leaderboards import scoring, selectors

from .conftest import T0, days_ago

pytestmark = pytest.mark.django_db
URL = reverse("leaderboards:global")


def order(client, **params) -> list[str]:
    html = client.get(URL, params).content.decode()
    body = html.split('data-testid="leaderboard"', 1)[1].split('data-testid="own-row"', 1)[0]
    return re.findall(r'<tr data-user="([^"]+)"', body)


def test_it_ranks_by_decayed_difficulty_weighted_points(client, grade, make_user, problems):
    breadth, depth, single = make_user("breadth"), make_user("depth"), make_user("single")
    for key in ("easy", "medium"):          # 2 + 0.95 × 1 = 2.95
        grade(breadth, problems[key], "accepted", at=T0)
    grade(depth, problems["hard"], "accepted", at=T0)      # 3
    grade(single, problems["medium"], "accepted", at=T0)   # 2
    assert order(client) == ["depth", "breadth", "single"]
    grade(breadth, problems["hard"], "accepted", at=T0)    # 3 + 0.95 × 2 + 0.95² × 1 = 5.8025
    html = client.get(URL).content.decode()
    assert order(client) == ["breadth", "depth", "single"] and "5.80" in html
    # The rules are on the page, quoted from the one module that applies them.
    text = " ".join(html.split())
    weights = ", ".join(f"{d} {w:g}" for d, w in scoring.DIFFICULTY_WEIGHTS.items())
    assert f"difficulty weight: {weights}." in text and f"Σ {scoring.DECAY}<sup>i</sup>" in text
    window, refresh = scoring.WINDOW.days, int(scoring.WINDOW_REFRESH.total_seconds() // 60)
    assert f"in the last {window} days (refreshed every {refresh} minutes" in text


def test_it_counts_a_scored_problem_in_proportion_to_its_threshold(client, grade, make_user, problems):
    half, easy = make_user("half"), make_user("easy")
    grade(half, problems["scored"], "wrong_answer", score=0.2, at=T0)   # hard: 3 × 0.2 / 0.5 = 1.2
    grade(easy, problems["easy"], "accepted", at=T0)                    # 1
    assert order(client) == ["half", "easy"]
    assert "1.20" in client.get(URL).content.decode()


def test_it_breaks_ties_by_who_reached_the_total_first(client, grade, make_user, problems):
    late, early = make_user("late"), make_user("early")
    grade(late, problems["easy"], "accepted", at=T0)
    grade(early, problems["easy"], "accepted", at=T0 + timedelta(hours=1))
    grade(late, problems["medium"], "accepted", at=T0 + timedelta(hours=5))     # raised last
    grade(early, problems["medium"], "accepted", at=T0 + timedelta(hours=2))
    assert order(client) == ["early", "late"]
    # A later resubmission that does not raise the total does not move the time.
    grade(early, problems["easy"], "accepted", at=T0 + timedelta(hours=9))
    assert order(client) == ["early", "late"]


def test_it_filters_the_last_30_days_and_a_topic(client, grade, make_user, problems):
    old, recent = make_user("old"), make_user("recent")
    grade(old, problems["hard"], "accepted", at=days_ago(45))
    grade(old, problems["medium"], "accepted", at=days_ago(45))
    grade(recent, problems["easy"], "accepted", at=days_ago(2))
    assert order(client) == ["old", "recent"]
    assert order(client, period="30d") == ["recent"]
    assert order(client, topic="optimisation") == ["old"]
    assert order(client, topic="linear-algebra") == ["old", "recent"]
    assert order(client, topic="no-such-topic") == []


def test_it_pins_the_viewers_row_when_it_is_off_the_page(client, grade, make_user, problems, monkeypatch):
    for n in range(7):
        grade(make_user(f"u{n}"), problems["hard"], "accepted", at=T0 + timedelta(minutes=n))
    me = make_user("me")
    grade(me, problems["easy"], "accepted", at=T0)
    client.force_login(me)
    monkeypatch.setattr(selectors, "PER_PAGE", 3)
    html = client.get(URL).content.decode()
    assert order(client) == ["u0", "u1", "u2"]
    own = html.split('data-testid="own-row"', 1)[1]
    assert 'data-user="me"' in own and "<td>8</td>" in own   # rank 8 of 8
    assert "page 1 of 3" in html
    assert order(client, page=3) == ["u6", "me"]
    assert 'data-testid="own-row"' not in client.get(URL, {"page": 3}).content.decode()


def test_it_shows_an_unranked_viewer_their_own_row(client, make_user, problems):
    client.force_login(make_user("newcomer"))
    own = client.get(URL).content.decode().split('data-testid="own-row"', 1)[1]
    assert 'data-user="newcomer"' in own and "not ranked yet" in own


def test_it_takes_bad_input_without_failing(client, grade, make_user, problems):
    grade(make_user("a"), problems["easy"], "accepted", at=T0)
    for params in ({"page": "abc"}, {"page": "-4"}, {"page": "99999999999999999999"}, {"period": "<script>"},
                   {"topic": "<script>alert(1)</script>"}, {"topic": "x" * 5000}, {"page": "1\x00"}):
        response = client.get(URL, params)
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()
    assert order(client, page="abc") == ["a"]


def test_it_costs_the_same_number_of_queries_for_many_users(client, grade, make_user, problems,
                                                           django_assert_max_num_queries):
    viewer = make_user("viewer")
    client.force_login(viewer)
    grade(make_user(), problems["easy"], "accepted", at=T0)
    with django_assert_max_num_queries(25) as few:
        client.get(URL)
    for n in range(60):
        grade(make_user(), problems["easy" if n % 2 else "hard"], "accepted", at=T0 + timedelta(seconds=n))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL, {"topic": "optimisation", "page": 2})


def test_it_quotes_the_rules_from_the_scoring_module_not_a_copy(client, db, monkeypatch):
    monkeypatch.setattr(scoring, "DIFFICULTY_WEIGHTS", {"easy": 1.5, "medium": 2.5, "hard": 4.0})
    monkeypatch.setattr(scoring, "DECAY", 0.9)
    monkeypatch.setattr(scoring, "WINDOW", timedelta(days=7))
    monkeypatch.setattr(scoring, "WINDOW_REFRESH", timedelta(minutes=5))
    text = " ".join(client.get(URL).content.decode().split())
    assert "difficulty weight: easy 1.5, medium 2.5, hard 4." in text and "Σ 0.9<sup>i</sup>" in text
    assert ">Last 7 days</option>" in text and "(refreshed every 5 minutes" in text
