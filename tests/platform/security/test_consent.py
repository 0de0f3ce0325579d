"""Consented access to code (issue 10, finding 2): an instructor's "add by username" is an invitation that
grants nothing until the user accepts it; an accepted member's instructors see their work from acceptance on
(earlier work only if shared); declining or leaving takes every access away; views of someone else's code by
staff (and by instructors) are logged and shown to the owner. Real PostgreSQL."""
from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from importlib import import_module

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from mljudge.cohorts import services
from mljudge.cohorts.models import AccessVia, CodeAccess, CohortRole, Membership, MembershipStatus
from mljudge.submissions.models import Status, Submission, Verdict

from ..conftest import log_in

pytestmark = pytest.mark.services
db = pytest.mark.django_db


@pytest.fixture
def make_instructor(make_user):
    def make(username: str):
        user = make_user(username)
        # get_or_create: an earlier transactional test may have flushed the groups the migration made.
        user.groups.add(Group.objects.get_or_create(name="instructor")[0])
        return user

    return make


@pytest.fixture
def graded(make_submission):
    def make(user, problem, *, marker: str, score: float = 0.5, days_ago: int = 0):
        sub = make_submission(user, problem, status=Status.GRADED, verdict=Verdict.WRONG_ANSWER, score=score,
                              passed=1, total=2, source=f"def f(x):\n    return x + 1  # CODE-{marker}\n")
        if days_ago:
            Submission.objects.filter(id=sub.id).update(created_at=timezone.now() - timedelta(days=days_ago))
            sub.refresh_from_db()
        return sub

    return make


@pytest.fixture
def course(make_instructor, make_user, make_problem):
    ada = make_instructor("ada")
    cohort = services.cohort_create(instructor=ada, name="ML 101")
    return {"ada": ada, "cohort": cohort, "ann": make_user("ann"), "problem": make_problem("toy")}


def review_url(sub) -> str:
    return reverse("review:submission", args=[sub.id])


def dashboard_ids(client, cohort=None) -> set[int]:
    response = client.get(reverse("review:dashboard"), {"cohort": cohort.id} if cohort else {})
    return {s.id for s in response.context["page"]}


def export_rows(client, cohort) -> dict[str, list[str]]:
    response = client.get(reverse("cohorts:export", args=[cohort.id]))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    return {row[0]: row for row in rows[1:]}


def invite(client, course, *names: str):
    client.force_login(course["ada"])
    response = client.post(reverse("cohorts:invite", args=[course["cohort"].id]), {"usernames": " ".join(names)})
    assert response.status_code == 302


@db
def test_it_grants_nothing_until_the_invitation_is_accepted(client, course, graded):
    ada, ann, cohort = course["ada"], course["ann"], course["cohort"]
    invite(client, course, "ann")
    later = graded(ann, course["problem"], marker="AFTER-INVITE", score=0.75)
    client.force_login(ada)
    assert client.get(review_url(later)).status_code == 404
    assert dashboard_ids(client) == set() and dashboard_ids(client, cohort) == set()
    assert "ann" not in export_rows(client, cohort)
    assert client.post(reverse("review:comment", args=[later.id]), {"body": "hi"}).status_code == 404
    assert client.post(reverse("review:override", args=[later.id]), {"score": "1", "reason": "x"}).status_code == 404
    assert not later.comments.exists() and not later.overrides.exists()
    detail = client.get(reverse("cohorts:detail", args=[cohort.id]))
    assert [u.username for u in detail.context["members"]] == []
    assert "ann" in detail.content.decode()  # listed as invited, not as a member


@db
def test_it_shows_the_invitation_in_the_top_bar_and_grants_access_from_acceptance_on(client, course, graded):
    ada, ann, cohort, problem = course["ada"], course["ann"], course["cohort"], course["problem"]
    before = graded(ann, problem, marker="BEFORE", score=0.9, days_ago=3)
    invite(client, course, "ann")
    client.force_login(ann)
    html = client.get(reverse("problemset:catalogue")).content.decode()
    badge = re.search(r'data-testid="nav-invitations">(\d+)<', html)
    assert badge and badge.group(1) == "1"
    page = client.get(reverse("cohorts:access")).content.decode()
    assert "ML 101" in page and "ada" in page and reverse("cohorts:accept", args=[cohort.id]) in page
    assert client.post(reverse("cohorts:accept", args=[cohort.id])).status_code == 302
    assert 'data-testid="nav-invitations"' not in client.get(reverse("problemset:catalogue")).content.decode()
    after = graded(ann, problem, marker="AFTER", score=0.25)

    client.force_login(ada)
    assert client.get(review_url(before)).status_code == 404
    shown = client.get(review_url(after))
    assert shown.status_code == 200 and "CODE-AFTER" in shown.content.decode()
    assert "CODE-BEFORE" not in shown.content.decode()  # not in the diff against the previous attempt either
    assert dashboard_ids(client) == {after.id} == dashboard_ids(client, cohort)
    assert export_rows(client, cohort)["ann"][2:] == ["0.25"]  # the 0.9 from before is not shared


@db
def test_it_shows_earlier_work_only_while_the_member_shares_it(client, course, graded):
    ada, ann, cohort = course["ada"], course["ann"], course["cohort"]
    before = graded(ann, course["problem"], marker="BEFORE", score=0.9, days_ago=3)
    invite(client, course, "ann")
    client.force_login(ann)
    client.post(reverse("cohorts:accept", args=[cohort.id]), {"share_past": "1"})
    client.force_login(ada)
    assert client.get(review_url(before)).status_code == 200
    assert export_rows(client, cohort)["ann"][2:] == ["0.9"]

    client.force_login(ann)
    assert client.post(reverse("cohorts:share", args=[cohort.id]), {"share_past": "0"}).status_code == 302
    client.force_login(ada)
    assert client.get(review_url(before)).status_code == 404
    assert dashboard_ids(client) == set()


@db
@pytest.mark.parametrize("how", ["decline", "leave"])
def test_it_takes_every_access_away_when_the_member_declines_or_leaves(client, course, graded, make_user, how):
    ada, ann, cohort, problem = course["ada"], course["ann"], course["cohort"], course["problem"]
    bob = make_user("bob")
    invite(client, course, "ann", "bob")
    client.force_login(bob)
    client.post(reverse("cohorts:accept", args=[cohort.id]))
    if how == "leave":
        client.force_login(ann)
        client.post(reverse("cohorts:accept", args=[cohort.id]))
    sub_ann = graded(ann, problem, marker="ANN")
    sub_bob = graded(bob, problem, marker="BOB")
    client.force_login(ann)
    assert client.post(reverse("cohorts:leave", args=[cohort.id])).status_code == 302
    assert not Membership.objects.filter(user=ann, cohort=cohort).exists()

    client.force_login(ada)
    assert client.get(review_url(sub_ann)).status_code == 404
    assert dashboard_ids(client) == {sub_bob.id} == dashboard_ids(client, cohort)
    assert set(export_rows(client, cohort)) == {"bob"}
    assert client.get(reverse("review:pair", args=[cohort.id, sub_ann.id, sub_bob.id])).status_code == 404
    pairs = client.get(reverse("review:plagiarism", args=[cohort.id]), {"problem": "toy"}).context["pairs"]
    assert pairs == []
    assert client.post(reverse("review:comment", args=[sub_ann.id]), {"body": "hi"}).status_code == 404


@db
def test_it_joins_by_invite_link_at_once_and_shares_from_then_on(client, course, graded, make_user):
    ada, cohort, problem = course["ada"], course["cohort"], course["problem"]
    dan = make_user("dan")
    before = graded(dan, problem, marker="DAN-BEFORE", days_ago=2)
    client.force_login(dan)
    assert client.post(reverse("cohorts:join", args=[cohort.invite_token])).status_code == 302
    after = graded(dan, problem, marker="DAN-AFTER")
    client.force_login(ada)
    assert client.get(review_url(after)).status_code == 200
    assert client.get(review_url(before)).status_code == 404
    membership = Membership.objects.get(user=dan, cohort=cohort)
    assert membership.status == MembershipStatus.ACCEPTED and not membership.share_past


@db
def test_it_accepts_a_pending_invitation_by_the_invite_link_with_earlier_work_if_asked(client, course, graded):
    ada, ann, cohort = course["ada"], course["ann"], course["cohort"]
    before = graded(ann, course["problem"], marker="BEFORE", days_ago=2)
    invite(client, course, "ann")
    client.force_login(ann)
    client.force_login(ada)
    assert client.get(review_url(before)).status_code == 404  # invited only
    client.force_login(ann)
    client.post(reverse("cohorts:join", args=[cohort.invite_token]), {"share_past": "1"})
    client.force_login(ada)
    assert client.get(review_url(before)).status_code == 200
    assert Membership.objects.get(user=ann, cohort=cohort).status == MembershipStatus.ACCEPTED


@db
def test_it_404s_a_direct_url_to_a_non_members_or_an_invited_users_submission(client, course, graded, make_user):
    ada, cohort, problem = course["ada"], course["cohort"], course["problem"]
    stranger, invited = make_user("stranger"), course["ann"]
    invite(client, course, "ann")
    subs = [graded(stranger, problem, marker="STRANGER"), graded(invited, problem, marker="INVITED")]
    client.force_login(ada)
    for sub in subs:
        for url in (review_url(sub), reverse("submissions:detail", args=[sub.id]),
                    reverse("submissions:status", args=[sub.id])):
            assert client.get(url).status_code == 404, url
        assert client.post(reverse("review:rubric", args=[sub.id]), {"points-0": "1"}).status_code == 404
    assert client.get(reverse("review:pair", args=[cohort.id, subs[0].id, subs[1].id])).status_code == 404


@db
def test_it_logs_staff_views_of_someones_code_and_shows_them_to_the_owner(client, course, graded, make_user):
    ann, problem = course["ann"], course["problem"]
    root = make_user("root", staff=True)
    sub = graded(ann, problem, marker="ANN")
    client.force_login(root)
    assert client.get(reverse("submissions:detail", args=[sub.id])).status_code == 200
    assert client.get(review_url(sub)).status_code == 200
    rows = CodeAccess.objects.filter(owner=ann)
    assert {(r.viewer_id, r.submission_id, r.via) for r in rows} == {(root.id, sub.id, AccessVia.STAFF)}
    root.is_superuser = True
    root.save(update_fields=["is_superuser"])
    assert client.get(reverse("admin:submissions_submission_change", args=[sub.id])).status_code == 200
    assert CodeAccess.objects.filter(owner=ann, via=AccessVia.ADMIN, viewer=root, submission=sub).exists()

    client.force_login(ann)
    client.get(reverse("submissions:detail", args=[sub.id]))  # the owner's own views are not logged
    assert CodeAccess.objects.filter(owner=ann).exclude(viewer=root).count() == 0
    page = client.get(reverse("cohorts:access"))
    log = page.context["access"].log
    assert {(r.viewer.username, r.submission_id) for r in log} == {("root", sub.id)}
    html = page.content.decode()
    assert f"#{sub.id}" in html and "root" in html
    assert AccessVia.STAFF.label in html and AccessVia.ADMIN.label in html


@db
def test_it_logs_an_instructors_views_as_reviewer_views(client, course, graded):
    ada, ann, cohort = course["ada"], course["ann"], course["cohort"]
    invite(client, course, "ann")
    client.force_login(ann)
    client.post(reverse("cohorts:accept", args=[cohort.id]))
    sub = graded(ann, course["problem"], marker="ANN")
    client.force_login(ada)
    client.get(review_url(sub))
    assert list(CodeAccess.objects.filter(owner=ann).values_list("viewer__username", "via")) == [
        ("ada", AccessVia.REVIEWER)]


@db
def test_it_lists_cohorts_instructors_and_sharing_on_the_access_page(client, course, make_user):
    ann, cohort = course["ann"], course["cohort"]
    invite(client, course, "ann")
    client.force_login(ann)
    client.post(reverse("cohorts:accept", args=[cohort.id]), {"share_past": "1"})
    page = client.get(reverse("cohorts:access"))
    (membership,) = page.context["access"].memberships
    assert membership.cohort == cohort and membership.share_past and membership.accepted_at
    assert [i.user.username for i in membership.cohort.instructor_rows] == ["ada"]
    assert reverse("cohorts:access") in client.get(reverse("problemset:catalogue")).content.decode()  # in the nav


@db
def test_it_keeps_at_least_one_instructor_in_a_cohort(client, course, make_instructor):
    ada, cohort = course["ada"], course["cohort"]
    client.force_login(ada)
    client.post(reverse("cohorts:leave", args=[cohort.id]))
    assert Membership.objects.filter(user=ada, cohort=cohort).exists()
    bea = make_instructor("bea")
    services.cohort_invite_usernames(instructor=ada, cohort_id=cohort.id, usernames=["bea"],
                                      role=CohortRole.INSTRUCTOR)
    client.post(reverse("cohorts:leave", args=[cohort.id]))
    assert Membership.objects.filter(user=ada, cohort=cohort).exists()  # bea has not accepted yet
    client.force_login(bea)
    client.post(reverse("cohorts:accept", args=[cohort.id]))
    client.force_login(ada)
    client.post(reverse("cohorts:leave", args=[cohort.id]))
    assert not Membership.objects.filter(user=ada, cohort=cohort).exists()
    assert client.get(reverse("cohorts:detail", args=[cohort.id])).status_code == 404


@db
def test_it_does_not_let_a_pending_instructor_invitation_review_anything(client, course, graded, make_instructor):
    ada, ann, cohort = course["ada"], course["ann"], course["cohort"]
    invite(client, course, "ann")
    client.force_login(ann)
    client.post(reverse("cohorts:accept", args=[cohort.id]))
    sub = graded(ann, course["problem"], marker="ANN")
    bea = make_instructor("bea")
    services.cohort_invite_usernames(instructor=ada, cohort_id=cohort.id, usernames=["bea"],
                                      role=CohortRole.INSTRUCTOR)
    client.force_login(bea)
    assert client.get(review_url(sub)).status_code == 404
    assert client.get(reverse("cohorts:detail", args=[cohort.id])).status_code == 404


@db
def test_it_makes_memberships_from_before_invitations_accepted_and_shared(course):
    ann, cohort = course["ann"], course["cohort"]
    joined = timezone.now() - timedelta(days=30)
    old = Membership.objects.create(cohort=cohort, user=ann)  # as a pre-upgrade row looks after 0003
    Membership.objects.filter(id=old.id).update(joined_at=joined)
    from django.apps import apps

    import_module("mljudge.cohorts.migrations.0004_existing_memberships_accepted").accept_existing(apps, None)
    old.refresh_from_db()
    assert (old.status, old.accepted_at, old.share_past) == (MembershipStatus.ACCEPTED, joined, True)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_it_lets_the_invited_user_accept_from_the_notification(page, live_server, make_instructor, make_user,
                                                               make_problem, make_submission):
    from mljudge.cohorts.selectors import reviewable_submissions

    ada, ann = make_instructor("ada"), make_user("ann")
    cohort = services.cohort_create(instructor=ada, name="ML 101")
    services.cohort_invite_usernames(instructor=ada, cohort_id=cohort.id, usernames=["ann"])
    log_in(page, live_server.url, "ann")
    assert page.inner_text("[data-testid=nav-invitations]") == "1"
    page.click("[data-testid=nav-access]")
    page.wait_for_selector("[data-testid=invitation]")
    assert "ada" in page.inner_text("[data-testid=invitation]")
    page.check("[data-testid=invitation] [data-testid=share-past]")
    page.click("[data-testid=invitation] [data-testid=accept]")
    page.wait_for_selector("[data-testid=membership]")
    assert page.locator("[data-testid=nav-invitations]").count() == 0
    assert "ML 101" in page.inner_text("[data-testid=membership]")
    membership = Membership.objects.get(user=ann, cohort=cohort)
    assert membership.status == MembershipStatus.ACCEPTED and membership.share_past
    sub = make_submission(ann, make_problem("toy"))
    assert reviewable_submissions(viewer=ada).filter(id=sub.id).exists()
    assert not page.js_errors


@db
def test_it_refuses_answers_to_invitations_that_were_never_made(client, course, make_user, make_instructor):
    ann, cohort = course["ann"], course["cohort"]
    other = services.cohort_create(instructor=make_instructor("bea"), name="Other")
    invite(client, course, "ann")
    client.force_login(ann)
    for cohort_id in (other.id, 10**30):
        assert client.post(reverse("cohorts:accept", args=[cohort_id]), {"share_past": "1"}).status_code == 404
        assert client.post(reverse("cohorts:share", args=[cohort_id]), {"share_past": "1"}).status_code == 404
        assert client.post(reverse("cohorts:leave", args=[cohort_id])).status_code == 404
    assert client.get(reverse("cohorts:accept", args=[cohort.id])).status_code == 405
    assert client.post(reverse("cohorts:share", args=[cohort.id]), {"share_past": "1"}).status_code == 404  # pending
    assert not Membership.objects.filter(user=ann, cohort=other).exists()
    assert Membership.objects.get(user=ann, cohort=cohort).status == MembershipStatus.INVITED
    for _ in range(2):  # a double click
        assert client.post(reverse("cohorts:accept", args=[cohort.id])).status_code == 302
