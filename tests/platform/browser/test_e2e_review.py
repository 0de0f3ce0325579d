"""An instructor reviews a cohort member's submission in a real browser and comments on it; the student
sees the unread marker, opens the submission and reads the comment."""
from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from grader import Verdict

from ..conftest import log_in
from ..reports import hidden, public, report

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser, pytest.mark.services]

REPORT = report(
    public("example-1", input="x=1", expected="1", got="1"),
    hidden("hidden-big", verdict=Verdict.WRONG_ANSWER, message="HIDDEN-MESSAGE", input="HIDDEN-INPUT",
           expected="HIDDEN-EXPECTED", got="HIDDEN-GOT"))


def test_it_lets_an_instructor_comment_and_the_student_read_it(page, live_server, make_user, make_problem,
                                                               make_submission):
    from mljudge.cohorts.services import cohort_create, cohort_join
    from mljudge.submissions.models import Status, Verdict

    teacher, student = make_user("tess"), make_user("stu", display_name="Stu")
    # get_or_create: an earlier transactional test may have flushed the groups the migration made.
    teacher.groups.add(Group.objects.get_or_create(name="instructor")[0])
    cohort = cohort_create(instructor=teacher, name="ML 101")
    cohort_join(user=student, token=cohort.invite_token)
    submission = make_submission(student, make_problem("toy"), status=Status.GRADED, verdict=Verdict.WRONG_ANSWER,
                                 score=0.5, passed=1, total=2, report=REPORT,
                                 source="def f(x):\n    return x  # STUDENT-CODE\n")

    log_in(page, live_server.url, "tess")
    page.goto(f"{live_server.url}/review/?cohort={cohort.id}")
    page.click(f"tr[data-submission='{submission.id}'] a")
    page.wait_for_selector("[data-testid=full-report]")
    assert "HIDDEN-EXPECTED" in page.inner_text("[data-testid=full-report]")  # instructors see hidden details
    page.fill("[data-testid=comment-body]", "Check the **empty cluster** case.")
    page.click("[data-testid=comment-submit]")
    page.wait_for_selector("[data-testid=comment] strong")
    assert page.inner_text("[data-testid=comment] strong") == "empty cluster"
    page.click("text=Log out")

    log_in(page, live_server.url, "stu")
    assert page.inner_text("[data-testid=nav-unread]") == "1"
    page.click("text=My submissions")
    page.click(f"a[href='/submissions/{submission.id}/']")
    page.wait_for_selector("[data-testid=comment]")
    assert "Check the empty cluster case." in page.inner_text("[data-testid=comment]")
    assert page.locator("[data-testid=nav-unread]").count() == 0  # read now
    html = page.content()
    assert "STUDENT-CODE" in html and "HIDDEN-EXPECTED" not in html and "HIDDEN-INPUT" not in html
    assert not page.js_errors
