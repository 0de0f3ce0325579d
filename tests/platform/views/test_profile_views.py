"""/accounts/profile/: the display name, the password change link, deleting the account (issue 13)."""
from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from mljudge.leaderboards.models import BestResult, Standing
from mljudge.leaderboards.selectors import leaderboard_revision
from mljudge.submissions.models import Draft, Status, Submission, Verdict

pytestmark = pytest.mark.django_db
URL = "/accounts/profile/"


def test_it_is_for_logged_in_users_and_links_the_password_change(client, make_user):
    assert client.get(URL).status_code == 302
    client.force_login(make_user("ann", display_name="Ann"))
    html = client.get(URL).content.decode()
    assert reverse("password_change") in html and 'value="Ann"' in html
    assert reverse("profile") == URL


def test_it_changes_the_display_name_and_checks_it_like_the_sign_up(client, make_user):
    ann = make_user("ann", display_name="Ann")
    make_user("bob")
    client.force_login(ann)
    response = client.post(URL, {"action": "display_name", "display_name": "  Ann   Lovelace "})
    assert response.status_code == 302
    assert get_user_model().objects.get(pk=ann.pk).profile.display_name == "Ann Lovelace"
    assert "Ann Lovelace" in client.get(reverse("problemset:catalogue")).content.decode()
    for bad, why in (("bob", "another person"), ("@root", "cannot contain")):
        html = client.post(URL, {"action": "display_name", "display_name": bad}).content.decode()
        assert why in html
    assert get_user_model().objects.get(pk=ann.pk).profile.display_name == "Ann Lovelace"
    assert client.post(URL, {"action": "display_name", "display_name": "x" * 61}).status_code == 200  # too long
    assert client.post(URL, {"action": "display_name", "display_name": ""}).status_code == 302  # back to @ann


def test_it_deletes_the_account_and_its_rows_after_the_password(client, make_user, make_problem, make_submission):
    from mljudge.leaderboards.services import best_result_recompute

    ann, bob = make_user("ann"), make_user("bob")
    problem = make_problem()
    for user in (ann, bob):
        make_submission(user, problem, status=Status.GRADED, verdict=Verdict.ACCEPTED, score=1.0, passed=1, total=1)
        best_result_recompute(user_id=user.pk, problem_id=problem.pk)
    Draft.objects.create(user=ann, problem=problem, source="x = 1\n")
    client.force_login(ann)
    board = client.get(reverse("leaderboards:problem", args=[problem.slug])).content.decode()
    assert "@ann" in board   # cached now
    revision = leaderboard_revision(problem_id=problem.pk)

    wrong = client.post(URL, {"action": "delete", "password": "nope", "confirm": "on"})
    assert wrong.status_code == 200 and "That is not your password." in wrong.content.decode()
    unconfirmed = client.post(URL, {"action": "delete", "password": "pw-Secret-123"})
    assert unconfirmed.status_code == 200 and get_user_model().objects.filter(pk=ann.pk).exists()

    response = client.post(URL, {"action": "delete", "password": "pw-Secret-123", "confirm": "on"})
    assert response.status_code == 302
    assert "everything in it were deleted" in client.get(response.url).content.decode()
    assert not get_user_model().objects.filter(pk=ann.pk).exists()
    # Everything that was only about ann is gone; bob's rows are untouched, and he now leads the board.
    assert not Submission.objects.filter(user_id=ann.pk).exists() and not Draft.objects.filter(user_id=ann.pk).exists()
    assert not BestResult.objects.filter(user_id=ann.pk).exists() and not Standing.objects.filter(user_id=ann.pk).exists()
    assert Submission.objects.filter(user=bob).count() == 1 and Standing.objects.filter(user=bob).exists()
    assert leaderboard_revision(problem_id=problem.pk) != revision
    board = client.get(reverse("leaderboards:problem", args=[problem.slug])).content.decode()
    assert "@ann" not in board and "@bob" in board
    assert client.get(URL).status_code == 302   # logged out


def test_an_instructor_named_in_others_records_is_told_to_ask_an_administrator(client, make_user):
    from django.contrib.auth.models import Group

    from mljudge.cohorts.services import cohort_create

    ada = make_user("ada")
    ada.groups.add(Group.objects.get(name="instructor"))
    cohort_create(instructor=ada, name="Cohort A")   # Cohort.created_by protects the account
    client.force_login(ada)
    response = client.post(URL, {"action": "delete", "password": "pw-Secret-123", "confirm": "on"})
    assert response.status_code == 200 and "ask an administrator" in response.content.decode()
    assert get_user_model().objects.filter(pk=ada.pk).exists()
