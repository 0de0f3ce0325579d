"""In a real browser, against a live server and a real Celery worker grading in Docker: an instructor creates an
assignment and a student solves it before the deadline (countdown, standing, gradebook with its chart); a solver
runs a short mock interview to its summary (timer, the time limit reached, the page reloads to the summary)."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from ..conftest import PROBLEMS, log_in, screenshots_dir
from .test_e2e import REFERENCE, SLUG, click_and_wait_verdict, type_code

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser, pytest.mark.docker,
              pytest.mark.services]
SCREENSHOTS = screenshots_dir()
LEFT = re.compile(r"^(\d+d )?(\d+:)?\d\d:\d\d left$")


def test_an_instructor_sets_an_assignment_and_a_student_solves_it_in_time(page, live_server, start_worker,
                                                                           synced_problems, make_user):
    from mljudge.cohorts.services import cohort_create, cohort_join

    start_worker(name="e2e-assess")
    ida, make = make_user("ida"), make_user("sam", display_name="Sam S.")
    ida.groups.add(Group.objects.get_or_create(name="instructor")[0])
    cohort = cohort_create(instructor=ida, name="ML 101")
    cohort_join(user=make, token=cohort.invite_token)

    log_in(page, live_server.url, "ida")
    page.goto(f"{live_server.url}/cohorts/{cohort.id}/")
    page.click("[data-testid=cohort-assignments]")
    page.click("[data-testid=new-assignment]")
    now = timezone.now()
    page.fill("input[name=title]", "Week 1: softmax and friends")
    page.fill("input[name=opens_at]", (now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))
    page.fill("input[name=due_at]", (now + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"))
    page.check(f"input[name=problem][value={SLUG}]")
    page.fill(f"input[name=points-{SLUG}]", "20")
    page.check("input[name=late_policy][value=per_day]")
    page.click("[data-testid=save-assignment]")
    page.wait_for_selector("[data-testid=gradebook]")
    assert page.locator("tr[data-student=sam] [data-testid=total]").inner_text() == "0"
    page.click("text=Log out")

    log_in(page, live_server.url, "sam")
    page.click("[data-testid=nav-assignments]")
    page.click("text=Week 1: softmax and friends")
    countdown = page.locator("[data-testid=countdown]")
    page.wait_for_function("el => el.textContent.endsWith('left')", arg=countdown.element_handle())
    assert LEFT.match(countdown.inner_text()), countdown.inner_text()
    assert "not submitted" in page.inner_text(f"tr[data-slug={SLUG}]")
    page.click(f"tr[data-slug={SLUG}] a")
    page.wait_for_selector(".cm-content")
    type_code(page, REFERENCE)
    click_and_wait_verdict(page, "[data-testid=submit]", "Accepted")
    page.click("[data-testid=nav-assignments]")
    page.click("text=Week 1: softmax and friends")
    assert re.search(r"20\s*/\s*20 · solved", page.inner_text(f"tr[data-slug={SLUG}]"))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "assignment.png"), full_page=True)
    page.click("text=Log out")

    log_in(page, live_server.url, "ida")
    page.goto(f"{live_server.url}/assignments/cohort/{cohort.id}/")
    page.click("text=Week 1: softmax and friends")
    assert page.locator("tr[data-student=sam] [data-testid=total]").inner_text() == "20"
    page.wait_for_selector("canvas[data-chart=chart-assignment][data-drawn]")
    page.screenshot(path=str(SCREENSHOTS / "gradebook.png"), full_page=True)
    assert not page.js_errors


def test_a_solver_runs_a_short_mock_interview_to_its_summary(page, live_server, start_worker, synced_problems,
                                                            make_user):
    from mljudge.assessments.models import MockSession

    start_worker(name="e2e-mock")
    make_user("moe")
    log_in(page, live_server.url, "moe")
    page.goto(f"{live_server.url}/assignments/mock/")
    page.select_option("select[name=minutes]", "10")
    page.click("[data-testid=start-mock]")
    timer = page.locator("[data-testid=mock-timer]")
    page.wait_for_function("el => /^(09|10):\\d\\d left$/.test(el.textContent)", arg=timer.element_handle())
    slug = page.get_attribute("[data-testid=mock-summary] tbody tr", "data-slug")
    page.click("[data-testid=open-problem]")
    page.wait_for_selector(".cm-content")
    assert "left" in page.inner_text("[data-testid=mock-banner]")   # the timer follows the solver
    type_code(page, (PROBLEMS / slug / "reference.py").read_text())
    click_and_wait_verdict(page, "[data-testid=submit]", "Accepted")

    # The time limit comes (moved close for the test): the page reloads itself to the summary.
    session = MockSession.objects.get(user__username="moe")
    MockSession.objects.filter(id=session.id).update(ends_at=timezone.now() + timedelta(seconds=3))
    page.click("[data-testid=mock-banner] a")
    page.wait_for_selector("[data-testid=mock-ended]", timeout=20_000)
    row = page.locator(f"[data-testid=mock-summary] tr[data-slug={slug}]")
    assert row.locator("[data-testid=attempts]").inner_text() == "1"
    assert "Accepted" in row.locator("[data-testid=verdicts]").inner_text() and "solved" in row.inner_text()
    assert re.fullmatch(r"\d+ s", row.locator("[data-testid=time]").inner_text())
    assert page.locator("[data-testid=mock-banner]").count() == 0
    page.screenshot(path=str(SCREENSHOTS / "mock-summary.png"), full_page=True)
    page.goto(f"{live_server.url}/users/moe/")
    assert page.locator("[data-testid=mock-sessions] tbody tr").count() == 1
    assert not page.js_errors
