"""GET /cohorts, /cohorts/{id}/members, /cohorts/{id}/submissions and /cohorts/{id}/export: what the cohort
pages show, under the same consent rule (cohorts.selectors), with the `review` scope."""
from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mljudge.cohorts import services as cohort_services
from mljudge.review import services as review_services
from mljudge.submissions.models import Mode, Status, Submission, Verdict

from .classroom import classroom, graded_submission, make_cohort, make_instructor, reviewer_api  # noqa: F401
from .conftest import error_of

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def test_it_lists_the_cohorts_i_instruct_with_their_member_count(reviewer_api, classroom):
    body = reviewer_api("ada").get("/cohorts").json()
    assert body["count"] == 1
    assert [(c["id"], c["name"], c["members"]) for c in body["items"]] == [(classroom["a"].id, "Cohort A", 2)]
    assert reviewer_api("ann").get("/cohorts").json() == {"items": [], "count": 0}   # a member instructs none


def test_the_roster_lists_members_with_consent_and_pending_invitations_apart(reviewer_api, classroom, make_user):
    newbie = make_user("newbie")
    cohort_services.cohort_invite_usernames(instructor=classroom["ada"], cohort_id=classroom["a"].id,
                                            usernames=["newbie"])
    classroom["ann"].profile.display_name = "Ann Ö"
    classroom["ann"].profile.save()
    response = reviewer_api("ada").get(f"/cohorts/{classroom['a'].id}/members")
    assert response.status_code == 200
    body = response.json()
    assert body["cohort"]["name"] == "Cohort A"
    assert [(m["username"], m["role"], m["share_past"]) for m in body["members"]] == [
        ("ada", "instructor", False), ("ann", "member", True), ("bob", "member", True)]
    assert body["members"][1]["display_name"] == "Ann Ö" and body["members"][1]["accepted_at"]
    assert [(i["username"], i["role"], i["invited_by"]) for i in body["invitations"]] == [
        ("newbie", "member", "ada")]
    assert newbie.username not in {m["username"] for m in body["members"]}


def test_another_instructors_cohort_is_not_found(reviewer_api, classroom):
    api = reviewer_api("ada")
    for path in ("members", "submissions", "export"):
        response = api.get(f"/cohorts/{classroom['b'].id}/{path}")
        assert response.status_code == 404 and error_of(response)["reason"] == "not_found", path
        assert "CODE-OF-cyd" not in response.content.decode()
    missing = api.get("/cohorts/999999/members")
    assert missing.status_code == 404 and error_of(missing)["message"] == "No such cohort."
    assert api.get(f"/cohorts/{classroom['b'].id}/members").json() == missing.json()   # existence not confirmed


def test_it_lists_what_members_share_newest_first_with_the_dashboards_filters(reviewer_api, classroom,
                                                                              graded_submission, make_problem):
    ann, bob, toy = classroom["ann"], classroom["bob"], classroom["problem"]
    other = make_problem("other")
    run = graded_submission(ann, toy, mode=Mode.RUN, verdict=Verdict.ACCEPTED, score=1.0)
    accepted = graded_submission(bob, other, verdict=Verdict.ACCEPTED, score=1.0)
    api = reviewer_api("ada")
    base = f"/cohorts/{classroom['a'].id}/submissions"
    body = api.get(base).json()
    ids = [s["id"] for s in body["items"]]
    assert body["count"] == 4 and ids == sorted(ids, reverse=True)
    assert classroom["subs"]["cyd"].id not in ids
    first = body["items"][0]
    assert first["user"] == "bob" and first["problem"] == "other"
    assert first["url"].endswith(f"/review/submissions/{accepted.id}")
    assert set(first) >= {"id", "problem", "user", "mode", "status", "verdict", "score", "score_override", "passed",
                          "total", "time_s", "created_at", "url"}
    assert "report" not in first and "source" not in first
    assert [s["id"] for s in api.get(base, {"mode": "run"}).json()["items"]] == [run.id]
    assert [s["id"] for s in api.get(base, {"user": "BOB"}).json()["items"]] == [accepted.id,
                                                                                 classroom["subs"]["bob"].id]
    assert [s["id"] for s in api.get(base, {"problem": "other"}).json()["items"]] == [accepted.id]
    assert {s["id"] for s in api.get(base, {"verdict": "accepted"}).json()["items"]} == {run.id, accepted.id}
    page = api.get(base, {"limit": 2, "offset": 2}).json()
    assert page["count"] == 4 and [s["id"] for s in page["items"]] == ids[2:]


def test_it_shows_only_what_each_member_consented_to(api_client, make_instructor, make_user, make_cohort,
                                                     make_problem, graded_submission):
    teacher = make_instructor("tess")
    sharer, keeper, pending = make_user("sharer"), make_user("keeper"), make_user("pending")
    problem = make_problem("toy")
    before = {u.username: graded_submission(u, problem) for u in (sharer, keeper, pending)}
    past = timezone.now() - timedelta(days=3)
    Submission.objects.filter(id__in=[s.id for s in before.values()]).update(created_at=past)
    cohort = make_cohort(teacher, "C", [sharer], share_past=True)
    cohort_services.cohort_invite_usernames(instructor=teacher, cohort_id=cohort.id, usernames=["keeper", "pending"])
    cohort_services.invitation_accept(user=keeper, cohort_id=cohort.id, share_past=False)
    after = {u.username: graded_submission(u, problem) for u in (sharer, keeper, pending)}
    api = api_client(teacher, ("review",))
    body = api.get(f"/cohorts/{cohort.id}/submissions").json()
    seen = {s["id"] for s in body["items"]}
    assert seen == {before["sharer"].id, after["sharer"].id, after["keeper"].id}
    assert before["keeper"].id not in seen                     # from before accepting, not shared
    assert not {before["pending"].id, after["pending"].id} & seen   # never accepted
    export = api.get(f"/cohorts/{cohort.id}/export", {"format": "json"}).json()
    assert [r["username"] for r in export["rows"]] == ["keeper", "sharer"]


def test_the_csv_export_is_the_pages_byte_for_byte_and_json_has_the_same_rows(client, reviewer_api, classroom,
                                                                               graded_submission, make_problem):
    ann, bob, toy = classroom["ann"], classroom["bob"], classroom["problem"]
    other = make_problem("other")
    graded_submission(ann, toy, score=0.75)
    override = graded_submission(bob, other, score=0.1)
    review_services.score_override_set(by=classroom["ada"], submission_id=override.id, score=0.6, reason="regrade")
    ann.profile.display_name = "=HYPERLINK(\"x\")"
    ann.profile.save()
    api = reviewer_api("ada")
    cohort_id = classroom["a"].id
    response = api.get(f"/cohorts/{cohort_id}/export", {"format": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    client.force_login(classroom["ada"])
    page = client.get(reverse("cohorts:export", args=[cohort_id]))
    assert response.content == page.content
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["username", "display_name", "other", "toy"]
    body = api.get(f"/cohorts/{cohort_id}/export", {"format": "json"}).json()
    assert body["problems"] == ["other", "toy"]
    assert body["rows"] == [
        {"username": "ann", "display_name": "=HYPERLINK(\"x\")", "scores": {"other": None, "toy": 0.75}},
        {"username": "bob", "display_name": "", "scores": {"other": 0.6, "toy": 0.5}}]
    assert api.get(f"/cohorts/{cohort_id}/export").content == page.content   # csv is the default


@pytest.mark.parametrize("fmt", ["xml", "CSV", "", "json\x00", "ü"])
def test_another_export_format_is_422(reviewer_api, classroom, fmt):
    response = reviewer_api("ada").get(f"/cohorts/{classroom['a'].id}/export", {"format": fmt})
    assert response.status_code == 422 and error_of(response)["reason"] == "invalid_request"


@pytest.mark.parametrize("params", [{"problem": "x" * 101}, {"user": "\x00"}, {"limit": "lots"}, {"limit": 1000},
                                    {"offset": -1}])
def test_bad_filters_are_422_never_500(reviewer_api, classroom, params):
    response = reviewer_api("ada").get(f"/cohorts/{classroom['a'].id}/submissions", params)
    assert response.status_code in (200, 422), response.content[:300]
    if response.status_code == 422:
        assert error_of(response)["reason"] == "invalid_request"


@pytest.mark.parametrize("verdict", ["no-such-verdict", "ünïcode", "' OR 1=1 --"])
def test_an_unknown_filter_value_filters_nothing_out_as_on_the_dashboard(reviewer_api, classroom, verdict):
    body = reviewer_api("ada").get(f"/cohorts/{classroom['a'].id}/submissions", {"verdict": verdict}).json()
    assert body["count"] == 2


@pytest.mark.parametrize("path", ["/cohorts", "/cohorts/{a}/members", "/cohorts/{a}/submissions",
                                  "/cohorts/{a}/export"])
def test_an_instructors_token_without_the_review_scope_is_refused(api_client, classroom, path):
    response = api_client(classroom["ada"], ("read", "submit", "author")).get(path.format(a=classroom["a"].id))
    assert response.status_code == 403
    error = error_of(response)
    assert error["reason"] == "scope_missing" and "'review'" in error["message"]


def test_a_solvers_review_token_opens_no_cohort(reviewer_api, classroom):
    """A scope adds no right: ann (a member of cohort A) gets 404 for it, as the cohort pages give her."""
    api = reviewer_api("ann", ("read", "submit", "review", "author"))
    for path in ("members", "submissions", "export"):
        response = api.get(f"/cohorts/{classroom['a'].id}/{path}")
        assert response.status_code == 404, path
        assert "CODE-OF" not in response.content.decode()


def test_it_counts_only_graded_work_in_the_export(reviewer_api, classroom, make_submission):
    make_submission(classroom["ann"], classroom["problem"], status=Status.QUEUED, score=None)
    rows = reviewer_api("ada").get(f"/cohorts/{classroom['a'].id}/export", {"format": "json"}).json()["rows"]
    assert rows[0] == {"username": "ann", "display_name": "", "scores": {"toy": 0.5}}
