"""Who sees what: an instructor only their cohorts' members' submissions, a member only their own, and a
solver never a hidden test's input, expected output, output or message."""
import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from mljudge.cohorts import services
from mljudge.cohorts.models import CohortRole, Membership
from mljudge.cohorts.selectors import reviewable_submissions

from .conftest import HIDDEN_MARKERS

pytestmark = pytest.mark.django_db


def test_it_shows_an_instructor_only_their_cohorts_submissions(client, classroom):
    client.force_login(classroom["ada"])
    rows = [s.id for s in client.get(reverse("review:dashboard")).context["page"]]
    assert sorted(rows) == sorted([classroom["subs"]["ann"].id, classroom["subs"]["bob"].id])
    assert client.get(reverse("review:submission", args=[classroom["subs"]["ann"].id])).status_code == 200


def test_it_hides_another_cohorts_submissions_and_export_from_an_instructor(client, classroom):
    client.force_login(classroom["ada"])
    cyd_sub, b = classroom["subs"]["cyd"], classroom["b"]
    for url in (reverse("review:submission", args=[cyd_sub.id]), reverse("cohorts:detail", args=[b.id]),
                reverse("cohorts:export", args=[b.id]), reverse("review:plagiarism", args=[b.id]),
                reverse("review:dashboard") + f"?cohort={b.id}",
                reverse("review:pair", args=[classroom["a"].id, classroom["subs"]["ann"].id, cyd_sub.id])):
        assert client.get(url).status_code == 404, url
    # Nor through the solver's page, nor by writing to it.
    assert client.get(reverse("submissions:detail", args=[cyd_sub.id])).status_code == 404
    for name, data in (("comment", {"body": "hi"}), ("override", {"score": "1", "reason": "x"}),
                       ("rubric", {"points-0": "1"})):
        assert client.post(reverse(f"review:{name}", args=[cyd_sub.id]), data).status_code == 404
    assert not cyd_sub.comments.exists() and not cyd_sub.overrides.exists()
    for name in ("invite", "rotate"):
        assert client.post(reverse(f"cohorts:{name}", args=[b.id]), {"usernames": "ann"}).status_code == 404
    assert not Membership.objects.filter(cohort=b, user=classroom["ann"]).exists()


def test_it_lets_staff_review_every_cohort(client, classroom, make_user):
    client.force_login(make_user("root", staff=True))
    assert len(client.get(reverse("review:dashboard")).context["page"]) == 3
    assert client.get(reverse("cohorts:export", args=[classroom["b"].id])).status_code == 200


def test_it_keeps_members_out_of_each_others_code(client, classroom):
    client.force_login(classroom["ann"])
    bob_sub = classroom["subs"]["bob"]
    assert client.get(reverse("submissions:detail", args=[bob_sub.id])).status_code == 404
    assert client.get(reverse("review:submission", args=[bob_sub.id])).status_code == 404
    assert client.get(reverse("review:dashboard")).status_code == 403
    assert client.get(reverse("cohorts:export", args=[classroom["a"].id])).status_code == 404
    assert "CODE-OF-bob" not in client.get(reverse("submissions:history") + "?all=1").content.decode()


def test_it_shows_a_solver_none_of_the_hidden_details_of_their_own_full_report(client, classroom):
    sub = classroom["subs"]["ann"]
    assert sub.report["tests"][1]["input"] == "HIDDEN-INPUT"  # stored in full, for instructors
    client.force_login(classroom["ann"])
    for name in ("detail", "status"):
        html = client.get(reverse(f"submissions:{name}", args=[sub.id])).content.decode()
        assert "PUBLIC-INPUT" in html and "PUBLIC-STDOUT" in html
        for marker in HIDDEN_MARKERS:
            assert marker not in html, (name, marker)


def test_it_shows_the_instructor_the_full_report(client, classroom):
    client.force_login(classroom["ada"])
    html = client.get(reverse("review:submission", args=[classroom["subs"]["ann"].id])).content.decode()
    for marker in HIDDEN_MARKERS:
        assert marker in html, marker


def test_it_refuses_cohorts_to_solvers(make_user):
    with pytest.raises(PermissionDenied):
        services.cohort_create(instructor=make_user("sol"), name="Mine")


def test_it_joins_by_invite_link_once_and_refuses_forged_or_rotated_tokens(client, classroom, make_user):
    a, dan = classroom["a"], make_user("dan")
    client.force_login(dan)
    url = reverse("cohorts:join", args=[a.invite_token])
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302  # twice: still one membership
    assert Membership.objects.filter(cohort=a, user=dan).count() == 1
    forged = a.invite_token[:-2] + ("AA" if not a.invite_token.endswith("AA") else "BB")
    assert client.post(reverse("cohorts:join", args=[forged])).status_code == 404
    old = a.invite_token
    services.cohort_rotate_token(instructor=classroom["ada"], cohort_id=a.id)
    eve = make_user("eve")
    client.force_login(eve)
    assert client.post(reverse("cohorts:join", args=[old])).status_code == 404
    assert not Membership.objects.filter(user=eve).exists()


def test_it_keeps_an_instructor_an_instructor_when_they_follow_their_own_link(classroom):
    a, ada = classroom["a"], classroom["ada"]
    services.cohort_join(user=ada, token=a.invite_token)
    assert Membership.objects.get(cohort=a, user=ada).role == CohortRole.INSTRUCTOR


def test_it_invites_by_username_and_reports_unknown_names(classroom, make_user):
    make_user("fay")
    result = services.cohort_invite_usernames(instructor=classroom["ada"], cohort_id=classroom["a"].id,
                                              usernames=["fay", "ann", "nobody", "FAY"])
    assert (result.invited, result.already, result.unknown) == (["fay"], ["ann"], ["nobody"])


def test_it_stops_showing_a_removed_members_submissions(classroom):
    ada, a = classroom["ada"], classroom["a"]
    services.cohort_remove_member(instructor=ada, cohort_id=a.id, user_id=classroom["bob"].id)
    assert classroom["subs"]["bob"].id not in reviewable_submissions(viewer=ada).values_list("id", flat=True)
    with pytest.raises(Http404):
        services.cohort_remove_member(instructor=classroom["bea"], cohort_id=a.id, user_id=classroom["ann"].id)
