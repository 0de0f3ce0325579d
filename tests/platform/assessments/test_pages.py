"""The assignment pages through the real views: an instructor creates and edits an assignment, grants an
extension, publishes, exports CSV; a student sees their assignments; others' cohorts are 404s."""
from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from mljudge.assessments.models import Assignment

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def _form(**over) -> dict:
    now = timezone.now()
    data = {"title": "Week 2", "opens_at": (now - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
            "due_at": (now + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"), "problem": ["toy", "pair"],
            "points-toy": "10", "points-pair": "20", "late_policy": "per_day", "late_percent": "25",
            "late_cutoff_days": "2", "counting": "best", "hide_results": "no"}
    data.update(over)
    return data


def test_an_instructor_creates_edits_and_exports_an_assignment(client, classroom, graded):
    client.force_login(classroom["ida"])
    cohort = classroom["cohort"]
    assert client.get(f"/assignments/cohort/{cohort.id}/new/").status_code == 200
    response = client.post(f"/assignments/cohort/{cohort.id}/new/", _form())
    assignment = Assignment.objects.get()
    assert response.status_code == 302 and response.url == f"/assignments/{assignment.id}/gradebook/"
    assert [(i.problem.slug, i.points) for i in assignment.items.all()] == [("toy", 10), ("pair", 20)]
    assert (assignment.late_policy, assignment.late_percent_per_day, assignment.counting) == ("per_day", 25, "best")
    graded(classroom["sam"], classroom["pair"], timezone.now())
    page = client.get(f"/assignments/{assignment.id}/gradebook/").content.decode()
    assert 'data-chart="chart-assignment"' in page and 'data-student="sam"' in page
    client.post(f"/assignments/{assignment.id}/edit/", _form(problem=["pair"], **{"points-pair": "5"}))
    rows = list(csv.reader(io.StringIO(client.get(f"/assignments/{assignment.id}/gradebook.csv").content.decode())))
    assert rows[0][:4] == ["username", "display_name", "due", "pair"]
    assert [r[0] for r in rows[1:]] == ["sam", "tia"] and rows[1][3] == "5" and rows[2][3] == ""


def test_an_instructor_grants_an_extension_and_publishes(client, classroom, assignment_of):
    assignment = assignment_of()
    client.force_login(classroom["ida"])
    later = (assignment.due_at + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(f"/assignments/{assignment.id}/extension/", {"username": "sam", "due_at": later})
    assert response.status_code == 302 and assignment.extensions.get().user == classroom["sam"]
    client.post(f"/assignments/{assignment.id}/publish/")
    assignment.refresh_from_db()
    assert assignment.published_at is not None
    client.post(f"/assignments/{assignment.id}/extension/", {"username": "sam", "remove": "1"})
    assert not assignment.extensions.exists()


def test_a_student_sees_their_assignment_with_a_countdown_and_standing(client, classroom, assignment_of, graded):
    now = timezone.now()
    assignment = assignment_of(opens_at=now - timedelta(days=1), due_at=now + timedelta(days=1))
    graded(classroom["sam"], classroom["toy"], now)
    client.force_login(classroom["sam"])
    assert f'/assignments/{assignment.id}/' in client.get("/assignments/").content.decode()
    page = client.get(f"/assignments/{assignment.id}/").content.decode()
    assert 'data-testid="countdown"' in page and "solved" in page and "<script>" not in page.split("</head>")[1]


def test_others_cannot_reach_an_assignment(client, classroom, assignment_of, make_user):
    assignment = assignment_of()
    client.force_login(make_user("nosy"))
    for url in (f"/assignments/{assignment.id}/", f"/assignments/{assignment.id}/gradebook/",
                f"/assignments/{assignment.id}/gradebook.csv", f"/assignments/cohort/{classroom['cohort'].id}/new/"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/assignments/{assignment.id}/publish/").status_code == 404
    client.force_login(classroom["sam"])   # a student of the cohort is not its instructor
    assert client.get(f"/assignments/{assignment.id}/gradebook/").status_code == 404


def test_an_assignment_not_open_yet_is_not_shown_to_students(client, classroom, assignment_of):
    future = timezone.now() + timedelta(days=3)
    assignment = assignment_of(opens_at=future, due_at=future + timedelta(days=1))
    client.force_login(classroom["sam"])
    assert client.get(f"/assignments/{assignment.id}/").status_code == 404


def test_the_mock_pages_run_a_session_to_its_summary(client, classroom, graded):
    client.force_login(classroom["sam"])
    response = client.post("/assignments/mock/", {"minutes": "10", "coding": "1"})
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert 'data-testid="mock-timer"' in page and 'data-testid="mock-banner"' in page
    session_id = int(response.url.rstrip("/").rsplit("/", 1)[1])
    client.post(f"/assignments/mock/{session_id}/end/")
    page = client.get(response.url).content.decode()
    assert 'data-testid="mock-ended"' in page and 'data-testid="mock-banner"' not in page
