"""An assignment that hides results: its author sees "submitted, result hidden until …" on every page and API
answer about the submission until the due time or the publication of grades, then the result; instructors
always see it."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from grader import Verdict

from ..api.conftest import ApiClient
from ..reports import hidden, public, report


pytestmark = [pytest.mark.django_db, pytest.mark.services]

REPORT = report(public("example-1", input="x=1", expected="1", got="1"),
                hidden("secret-case", verdict=Verdict.WRONG_ANSWER, message="HIDDEN-MESSAGE"))
LEAKS = ("Wrong Answer", "wrong_answer", "1/2", "example-1", "0.5")


@pytest.fixture
def hidden_world(classroom, assignment_of, make_submission):
    from mljudge.assessments.models import HideResults
    from mljudge.submissions.models import Status

    now = timezone.now()
    world = dict(classroom)
    world["until_due"] = assignment_of(hide_results=HideResults.UNTIL_DUE, opens_at=now - timedelta(days=1),
                                       due_at=now + timedelta(days=1))
    world["sub"] = make_submission(classroom["sam"], classroom["toy"], status=Status.GRADED,
                                   verdict=Verdict.WRONG_ANSWER, score=0.5, passed=1, total=2, report=REPORT)
    return world


def _pages(client, w) -> dict[str, str]:
    sub = w["sub"]
    # The history page's verdict filter names every verdict in its <option>s: those are not results.
    return {name: OPTIONS.sub("", client.get(url).content.decode()) for name, url in {
        "detail": f"/submissions/{sub.id}/", "status": f"/submissions/{sub.id}/status/",
        "history": "/submissions/", "problem": "/problems/toy/", "profile": "/users/sam/",
        "assignment": f"/assignments/{w['until_due'].id}/"}.items()}


OPTIONS = re.compile(r"<option\b[^>]*>[^<]*</option>")


def _api(client, w, make_token) -> dict:
    api = ApiClient(client, make_token(w["sam"], ["read"]))
    return {"detail": api.get(f"/submissions/{w['sub'].id}").json(),
            "list": api.get("/submissions").json()["items"][0],
            "assignment": api.get(f"/assignments/{w['until_due'].id}").json()["rows"][0]["cells"][0]}


def test_the_author_sees_no_result_before_the_due_time(client, hidden_world, make_token):
    client.force_login(hidden_world["sam"])
    pages = _pages(client, hidden_world)
    for name, html in pages.items():
        if name != "profile":
            assert "result hidden until" in html, name
        assert "Wrong Answer" not in html and "HIDDEN-MESSAGE" not in html, name
        assert 'data-verdict="wrong_answer"' not in html, name
    assert "example-1" not in pages["detail"] and "1/2" not in pages["detail"]
    got = _api(client, hidden_world, make_token)
    for shape in ("detail", "list"):
        assert got[shape]["result_hidden"] is True
        assert {k: got[shape][k] for k in ("verdict", "score", "passed", "total", "time_s")} == dict.fromkeys(
            ("verdict", "score", "passed", "total", "time_s"))
    assert got["detail"]["report"] is None and got["detail"]["progress"]["tests"] == []
    assert got["detail"]["result_hidden_until"] is not None
    assert got["assignment"]["points"] is None and got["assignment"]["result_hidden"] is True
    assert "wrong_answer" not in str(got)


def test_others_see_no_result_on_the_profile_either(client, hidden_world, make_user):
    client.force_login(make_user("visitor"))
    html = client.get("/users/sam/").content.decode()
    assert "Wrong Answer" not in html and "result hidden" in html


def test_the_instructor_sees_the_result(client, hidden_world):
    client.force_login(hidden_world["ida"])
    review = client.get(f"/review/submissions/{hidden_world['sub'].id}/").content.decode()
    book = client.get(f"/assignments/{hidden_world['until_due'].id}/gradebook/").content.decode()
    assert "Wrong Answer" in review and 'data-points="0' in book


def test_publishing_grades_shows_the_result(client, hidden_world, make_token):
    from mljudge.assessments.services import assignment_publish

    assignment_publish(instructor=hidden_world["ida"], assignment_id=hidden_world["until_due"].id,
                       now=timezone.now())
    client.force_login(hidden_world["sam"])
    pages = _pages(client, hidden_world)
    assert "Wrong Answer" in pages["detail"] and "result hidden" not in pages["detail"]
    got = _api(client, hidden_world, make_token)
    assert got["detail"]["verdict"] == "wrong_answer" and got["detail"]["result_hidden"] is False


def test_results_hidden_until_publication_stay_hidden_after_the_due_time(classroom, assignment_of, make_submission):
    from mljudge.assessments.models import HideResults
    from mljudge.assessments.selectors import results_hidden_until
    from mljudge.grading.reports import solver_view
    from mljudge.submissions.models import Status

    assignment_of(hide_results=HideResults.UNTIL_PUBLISHED, opens_at=timezone.now() - timedelta(days=2),
                  due_at=timezone.now() - timedelta(seconds=1) + timedelta(days=1))
    sub = make_submission(classroom["sam"], classroom["toy"], status=Status.GRADED, verdict=Verdict.ACCEPTED,
                          report=REPORT)
    assert results_hidden_until(submission=sub, now=timezone.now() + timedelta(days=30)) is True
    assert solver_view(submission=sub).report is None


def test_until_due_shows_once_the_due_time_passed_and_runs_are_never_hidden(hidden_world, make_submission):
    from mljudge.assessments.selectors import results_hidden_until
    from mljudge.submissions.models import Mode, Status

    sub, due = hidden_world["sub"], hidden_world["until_due"].due_at
    assert results_hidden_until(submission=sub, now=due - timedelta(seconds=1)) == due
    assert results_hidden_until(submission=sub, now=due) is False
    run = make_submission(hidden_world["sam"], hidden_world["toy"], mode=Mode.RUN, status=Status.GRADED,
                          verdict=Verdict.ACCEPTED, report=REPORT)
    assert results_hidden_until(submission=run) is False


def test_an_extension_keeps_the_result_hidden_until_the_student_s_own_due_time(hidden_world):
    from mljudge.assessments.selectors import results_hidden_until
    from mljudge.assessments.services import extension_grant

    due = hidden_world["until_due"].due_at
    extension_grant(instructor=hidden_world["ida"], assignment_id=hidden_world["until_due"].id, username="sam",
                    due_at=due + timedelta(days=2))
    assert results_hidden_until(submission=hidden_world["sub"], now=due + timedelta(days=1)) == due + timedelta(days=2)


def test_nothing_is_hidden_outside_an_assignment(classroom, make_submission, make_user):
    from mljudge.assessments.selectors import results_hidden_until
    from mljudge.submissions.models import Status

    sub = make_submission(make_user("solo"), classroom["toy"], status=Status.GRADED, verdict=Verdict.ACCEPTED)
    assert results_hidden_until(submission=sub) is False
