"""In a real browser, against a live server and a real Celery worker grading in Docker: an accepted submission
puts its author on the global and the problem leaderboards, and the profile and statistics charts are drawn."""
from __future__ import annotations

import re

import pytest

from ..conftest import log_in, screenshots_dir
from .test_e2e import REFERENCE, SLUG, click_and_wait_verdict, type_code

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser, pytest.mark.docker,
              pytest.mark.services]
SCREENSHOTS = screenshots_dir()


def test_it_puts_an_accepted_solver_on_the_leaderboard(page, live_server, start_worker, synced_problems, make_user):
    start_worker(name="e2e-leaderboard")
    make_user("someone-else")
    make_user("lena", display_name="Lena L.", password="pw-Secret-123")
    log_in(page, live_server.url, "lena")

    page.goto(f"{live_server.url}/leaderboard/")
    assert page.locator("[data-testid=leaderboard] tbody:not(.pinned) tr[data-user=lena]").count() == 0
    assert "not ranked yet" in page.inner_text("[data-testid=own-row]")

    page.goto(f"{live_server.url}/problems/{SLUG}/")
    page.wait_for_selector(".cm-content")
    type_code(page, REFERENCE)
    click_and_wait_verdict(page, "[data-testid=submit]", "Accepted")

    page.click("nav >> text=Leaderboard")
    row = page.locator("[data-testid=leaderboard] tbody:not(.pinned) tr[data-user=lena]")
    row.wait_for()
    assert "Lena L." in row.inner_text() and row.locator("td").first.inner_text() == "1"
    assert page.locator("[data-testid=own-row]").count() == 0  # on the page: not pinned again
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "leaderboard.png"), full_page=True)

    page.goto(f"{live_server.url}/leaderboard/problems/{SLUG}/")
    assert page.locator("[data-testid=problem-leaderboard] tr[data-user=lena]").count() == 1
    page.wait_for_selector("canvas[data-chart=chart-verdicts][data-drawn]")   # Chart.js drew the verdicts

    page.click("[data-testid=problem-leaderboard] tr[data-user=lena] a")
    page.wait_for_url(re.compile(r"/users/lena/$"))
    page.wait_for_selector("canvas[data-chart=chart-topics][data-drawn]")
    page.wait_for_selector("canvas[data-chart=chart-activity][data-drawn]")
    assert page.inner_text("[data-testid=solved]") == "1"
    page.screenshot(path=str(SCREENSHOTS / "profile.png"), full_page=True)
    assert not page.js_errors
