"""The profile page: solved by topic, weekly activity, acceptance rate, recent submissions whose code links
only the owner and staff see."""
import json
import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from .conftest import days_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(grade, make_user, problems):
    alice = make_user("alice", display_name="Alice A.")
    grade(alice, problems["easy"], "wrong_answer", at=days_ago(3))
    grade(alice, problems["easy"], "accepted", at=days_ago(3))
    grade(alice, problems["medium"], "accepted", at=days_ago(10))
    grade(alice, problems["hard"], "time_limit_exceeded", at=days_ago(1))
    return alice


def page(client, username="alice"):
    return client.get(reverse("leaderboards:profile", args=[username]))


def chart(html: str, name: str) -> dict:
    return json.loads(re.search(rf'<script id="{name}" type="application/json">(.*?)</script>', html, re.S).group(1))


def test_it_shows_solved_by_topic_activity_and_acceptance(client, alice):
    html = page(client).content.decode()
    assert "Alice A." in html and '<span data-testid="acceptance">50%</span>' in html
    topics = chart(html, "chart-topics")["data"]
    assert dict(zip(topics["labels"], topics["datasets"][0]["data"])) == {"linear-algebra": 2, "optimisation": 1}
    activity = chart(html, "chart-activity")["data"]
    assert len(activity["labels"]) == 26 and sum(activity["datasets"][0]["data"]) == 4
    assert '<strong data-testid="rank">1</strong>' in html


def test_it_links_code_only_for_the_owner_and_staff(client, alice, make_user):
    detail = re.compile(r'href="/submissions/\d+/"')
    assert not detail.search(page(client).content.decode())          # anonymous
    client.force_login(make_user("mallory"))
    html = page(client).content.decode()
    assert not detail.search(html) and "Time Limit Exceeded" in html  # verdicts are public, code is not
    client.force_login(alice)
    assert len(detail.findall(page(client).content.decode())) == 4
    client.force_login(make_user("boss", staff=True))
    assert detail.search(page(client).content.decode())
    instructor = make_user("teacher")
    instructor.user_permissions.add(Permission.objects.get(codename="view_all_submissions"))
    client.force_login(instructor)
    assert detail.search(page(client).content.decode())


def test_it_answers_404_for_unknown_or_inactive_users(client, make_user):
    assert page(client, "nobody").status_code == 404
    gone = make_user("gone")
    gone.is_active = False
    gone.save()
    assert page(client, "gone").status_code == 404
    assert page(client, "<script>").status_code == 404


def test_it_shows_a_new_user_without_failing(client, make_user):
    make_user("fresh")
    html = page(client, "fresh").content.decode()
    assert "Not ranked yet" in html and "Nothing solved yet" in html


def test_it_costs_the_same_number_of_queries_however_active_the_user(client, grade, make_user, problems,
                                                                    django_assert_max_num_queries):
    bob = make_user("bob")
    grade(bob, problems["easy"], "accepted")
    with django_assert_max_num_queries(25) as few:
        page(client, "bob")
    for n in range(20):
        grade(bob, problems[("medium", "hard", "scored")[n % 3]], "wrong_answer", at=days_ago(n * 5))
    with django_assert_max_num_queries(len(few.captured_queries)):
        page(client, "bob")
