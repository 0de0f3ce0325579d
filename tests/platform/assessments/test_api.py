"""Assignments over the API: create, edit, extensions, gradebook (JSON and CSV), publish; a student's view;
scopes and other users' ids."""
from __future__ import annotations

from datetime import timedelta

import pytest

from ..api.conftest import ApiClient, error_of
from .conftest import T0

pytestmark = [pytest.mark.django_db, pytest.mark.services]

BODY = {"title": "API week", "opens_at": (T0 - timedelta(days=7)).isoformat(), "due_at": T0.isoformat(),
        "problems": [{"problem": "toy", "points": 10}], "late_policy": "per_day", "late_percent_per_day": 10,
        "late_cutoff_days": 2, "counting": "last", "hide_results": "no"}


def test_an_instructor_runs_an_assignment_over_the_api(client, classroom, make_token, graded):
    api = ApiClient(client, make_token(classroom["ida"], ["review"]))
    cohort = classroom["cohort"].id
    created = api.post(f"/cohorts/{cohort}/assignments", BODY)
    assert created.status_code == 201, created.content
    aid = created.json()["id"]
    assert api.get(f"/cohorts/{cohort}/assignments").json()["items"][0]["id"] == aid
    edited = api.put(f"/assignments/{aid}", {**BODY, "title": "Renamed"})
    assert edited.json()["title"] == "Renamed"
    extension = api.post(f"/assignments/{aid}/extensions",
                         {"username": "sam", "due_at": (T0 + timedelta(days=1)).isoformat()})
    assert extension.status_code == 200 and extension.json()["username"] == "sam"
    graded(classroom["sam"], classroom["toy"], T0 + timedelta(hours=12))   # inside his extension: no penalty
    graded(classroom["tia"], classroom["toy"], T0 + timedelta(hours=12))   # a day late: 10% off
    book = api.get(f"/assignments/{aid}/gradebook").json()
    cells = {r["username"]: (r["extended"], r["cells"][0]["points"], r["cells"][0]["late_days"]) for r in book["rows"]}
    assert cells == {"sam": (True, 10.0, 0), "tia": (False, 9.0, 1)}
    csv_text = api.get(f"/assignments/{aid}/gradebook", {"format": "csv"}).content.decode()
    assert csv_text.splitlines()[0].startswith("username,display_name,due,toy")
    assert api.post(f"/assignments/{aid}/publish", {"publish": True}).json()["published_at"] is not None


def test_refusals_and_scopes(client, classroom, make_token, assignment_of):
    from django.utils import timezone

    assignment = assignment_of(opens_at=timezone.now() - timedelta(days=1))   # open: its students see it
    reader = ApiClient(client, make_token(classroom["ida"], ["read"]))
    assert error_of(reader.get(f"/assignments/{assignment.id}/gradebook"))["reason"] == "scope_missing"
    api = ApiClient(client, make_token(classroom["ida"], ["review"]))
    bad = api.post(f"/cohorts/{classroom['cohort'].id}/assignments", {**BODY, "problems": [{"problem": "nope"}]})
    assert error_of(bad)["reason"] == "assignment_unknown_problem"
    backwards = api.post(f"/cohorts/{classroom['cohort'].id}/assignments", {**BODY, "due_at": BODY["opens_at"]})
    assert error_of(backwards)["reason"] == "assignment_times"
    # A time without its zone is refused (422), never compared with an aware one (that was a 500).
    naive = api.post(f"/cohorts/{classroom['cohort'].id}/assignments",
                     {**BODY, "due_at": T0.replace(tzinfo=None).isoformat()})
    assert (naive.status_code, error_of(naive)["reason"]) == (422, "invalid_request")
    naive_extension = api.post(f"/assignments/{assignment.id}/extensions",
                               {"username": "sam", "due_at": (T0 + timedelta(days=9)).replace(tzinfo=None).isoformat()})
    assert (naive_extension.status_code, error_of(naive_extension)["reason"]) == (422, "invalid_request")
    early = api.post(f"/assignments/{assignment.id}/extensions", {"username": "sam", "due_at": T0.isoformat()})
    assert error_of(early)["reason"] == "extension_too_early"
    student = ApiClient(client, make_token(classroom["sam"], ["review", "read"]))
    assert error_of(student.get(f"/assignments/{assignment.id}/gradebook"))["reason"] == "not_found"
    assert student.get(f"/assignments/{assignment.id}").json()["rows"][0]["username"] == "sam"
