"""No account enumeration and no impersonation (issue 10, findings 4 and 5): a sign-up answers the same for
a registered address as for a new one, and every page that names a person shows the unique @username beside
the freely chosen display name."""
from __future__ import annotations

import re

import grader
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse

from mljudge.cohorts import services as cohort_services
from mljudge.grading import services as grading
from mljudge.review import services as review_services

pytestmark = pytest.mark.django_db

PASSWORD = "an-Excellent-pass-42"


@pytest.fixture(autouse=True)
def _empty_cache():
    # Leaderboard rows are template-cached: one test's rows must never show up in another's page.
    from django.core.cache import cache

    cache.clear()


def signup(client, username: str, email: str, display_name: str = ""):
    return client.post(reverse("signup"), {"username": username, "email": email, "display_name": display_name,
                                           "password1": PASSWORD, "password2": PASSWORD})


def page_without_tokens(client, url: str) -> str:
    html = client.get(url).content.decode()
    # Per-response secrets differ by design (CSRF tokens, the Content-Security-Policy nonce); nothing else may.
    return re.sub(r'(csrfmiddlewaretoken" value="|X-CSRFToken": "|name="csp-nonce" content="|nonce=")[^"]+', r"\1",
                  html)


def link_in(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


# --- sign-up: no enumeration ------------------------------------------------------------------------------

def test_it_answers_a_sign_up_with_a_registered_address_like_a_new_one(make_user):
    owner = make_user("olga")
    fresh, taken = Client(), Client()
    new = signup(fresh, "newbie", "newbie@example.com")
    old = signup(taken, "copycat", owner.email.upper())
    assert (new.status_code, new["Location"]) == (old.status_code, old["Location"]) == (302, reverse("signup_sent"))
    assert page_without_tokens(fresh, new["Location"]) == page_without_tokens(taken, old["Location"])
    # Nobody is logged in by a sign-up any more (that alone told the two apart).
    for client in (fresh, taken):
        assert client.get(reverse("submissions:history")).status_code == 302
    # One mail each, to the address typed: an activation link, or a note to the owner. No second account.
    assert [m.to for m in mail.outbox] == [["newbie@example.com"], [owner.email]]
    assert "/accounts/activate/" in mail.outbox[0].body
    assert '"olga"' in mail.outbox[1].body and "/accounts/activate/" not in mail.outbox[1].body
    assert not get_user_model().objects.filter(username="copycat").exists()
    assert get_user_model().objects.get(username="newbie").is_active is False
    # Usernames are public (leaderboards): a taken one is still said, and nothing is mailed.
    response = signup(Client(), "olga", "someone-else@example.com")
    assert response.status_code == 200 and "already exists" in response.content.decode()
    assert len(mail.outbox) == 2


def test_it_activates_the_account_from_the_mailed_link_once(client):
    signup(client, "newbie", "newbie@example.com")
    link = link_in(mail.outbox[0])
    assert client.get(link).status_code == 200                 # a page with a button: scanners change nothing
    assert not get_user_model().objects.get(username="newbie").is_active
    response = client.post(link)
    assert response.status_code == 302 and response["Location"] == reverse("problemset:catalogue")
    assert client.get(reverse("submissions:history")).status_code == 200
    user = get_user_model().objects.get(username="newbie")
    assert user.is_active and [g.name for g in user.groups.all()] == ["solver"]
    # Used once; and it never revives an account that staff later deactivated.
    get_user_model().objects.filter(pk=user.pk).update(is_active=False)
    assert Client().post(link).status_code == 200
    assert not get_user_model().objects.get(pk=user.pk).is_active


def test_it_refuses_a_forged_activation_link(client, make_user):
    signup(client, "newbie", "newbie@example.com")
    uid = link_in(mail.outbox[0]).split("/")[3]
    for link in (f"/accounts/activate/{uid}/abc-123/", "/accounts/activate/!!/abc-123/",
                 "/accounts/activate/MTIzNDU2Nzg5MDEyMzQ1Njc4OTA/x-y/"):
        assert client.post(link).status_code == 200
    assert not get_user_model().objects.get(username="newbie").is_active


def test_it_refuses_display_names_that_pose_as_a_username(client, make_user):
    make_user("alice")
    for name in ("alice", "ALICE", "Alice (@alice)", "@bob"):
        response = signup(client, "mallory", "mallory@example.com", display_name=name)
        assert response.status_code == 200, name
    assert not get_user_model().objects.filter(username="mallory").exists()
    assert signup(client, "mallory", "mallory@example.com", display_name="Alice Smith").status_code == 302


# --- every page names people by @username too ---------------------------------------------------------------

def graded(user, problem, make_submission, score=1.0):
    submission = make_submission(user, problem)
    claim = grading.submission_claim(submission_id=submission.id)
    report = grader.Report(problem=problem.slug, problem_version=1, verdict=grader.Verdict("accepted"),
                           score=score, private_score=None, passed=1, total=1, time_s=0.01)
    assert grading.submission_complete(claim=claim, report=report)
    return submission


@pytest.fixture
def lookalikes(make_user):
    """alice, and mallory, who copied alice's display name."""
    return make_user("alice", display_name="Alice Smith"), make_user("mallory", display_name="Alice Smith")


def labels(html: str) -> list[str]:
    return re.findall(r'<span class="user-label">Alice Smith <span class="handle">\(@(\w+)\)</span></span>', html)


def test_leaderboards_and_profiles_show_the_username_beside_a_copied_display_name(client, lookalikes,
                                                                                  make_problem, make_submission):
    alice, mallory = lookalikes
    problem = make_problem("toy")
    graded(alice, problem, make_submission)
    graded(mallory, problem, make_submission)
    assert sorted(labels(client.get(reverse("leaderboards:global")).content.decode())) == ["alice", "mallory"]
    assert sorted(labels(client.get(reverse("leaderboards:problem", args=["toy"])).content.decode())) == [
        "alice", "mallory"]
    assert labels(client.get(reverse("leaderboards:profile", args=["mallory"])).content.decode()) == ["mallory"]


def test_review_pages_and_comments_show_the_username_beside_a_copied_display_name(client, lookalikes, make_user,
                                                                                 make_problem, make_submission):
    alice, mallory = lookalikes
    teacher = make_user("teacher")
    teacher.groups.add(Group.objects.get(name="instructor"))
    cohort = cohort_services.cohort_create(instructor=teacher, name="C")
    cohort_services.cohort_invite_usernames(instructor=teacher, cohort_id=cohort.id,
                                            usernames=["alice", "mallory"])
    for member in (alice, mallory):  # an invitation grants nothing until it is accepted (test_consent.py)
        cohort_services.invitation_accept(user=member, cohort_id=cohort.id, share_past=True)
    submission = graded(alice, make_problem("toy"), make_submission)
    # mallory comments on her own work, and alice's reviewer comments on alice's: names must not blur.
    review_services.comment_create(author=alice, submission_id=submission.id, body="my reply")
    mine = graded(mallory, submission.problem, make_submission)
    review_services.comment_create(author=mallory, submission_id=mine.id, body="looks like alice")
    client.force_login(teacher)
    assert labels(client.get(reverse("review:submission", args=[submission.id])).content.decode()) == [
        "alice", "alice"]                                # the header and alice's comment
    assert labels(client.get(reverse("review:submission", args=[mine.id])).content.decode()) == [
        "mallory", "mallory"]
    assert sorted(labels(client.get(reverse("review:dashboard")).content.decode())) == ["alice", "mallory"]
    assert sorted(labels(client.get(reverse("cohorts:detail", args=[cohort.id])).content.decode())) == [
        "alice", "mallory"]
    client.force_login(alice)
    assert labels(client.get(reverse("submissions:detail", args=[submission.id])).content.decode()) == [
        "alice", "alice"]


def test_the_label_escapes_what_people_type(client, make_user, make_problem, make_submission):
    evil = make_user("evil", display_name='<img src=x onerror="alert(1)">')
    graded(evil, make_problem("toy"), make_submission)
    html = client.get(reverse("leaderboards:global")).content.decode()
    assert "<img src=x" not in html
    assert ('<span class="user-label">&lt;img src=x onerror=&quot;alert(1)&quot;&gt; '
            '<span class="handle">(@evil)</span></span>') in html
