"""A person in a real browser (Debian's Chromium, driven by Playwright) against a live server and a real
Celery worker grading in Docker: sign up, open k-means, type, run, submit, see the verdicts."""
from __future__ import annotations

import re

import grader
import pytest
from django.core import mail

from ..conftest import PROBLEMS, kmeans_or_softmax, log_in, screenshots_dir

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser, pytest.mark.docker,
              pytest.mark.services]

SLUG = kmeans_or_softmax()
REFERENCE = (PROBLEMS / SLUG / "reference.py").read_text()
WRONG = (PROBLEMS / SLUG / "wrong" / ("one_iteration.py" if SLUG == "kmeans" else "naive_no_max.py")).read_text()
SCREENSHOTS = screenshots_dir()
def type_code(page, source: str) -> None:
    editor = page.locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(source)
    # What the form will post is exactly what was typed (no auto-indent or bracket doubling).
    assert page.eval_on_selector("textarea[name=source]", "t => t.value") == source


def click_and_wait_verdict(page, button: str, expected: str) -> None:
    """Clicks Run or Submit and waits for the *new* result panel to reach a final status."""
    previous = page.eval_on_selector_all("#result .result", "els => els.map(e => e.id)")
    page.click(button)
    not_previous = "".join(f":not(#{p})" for p in previous)
    result = page.locator(f"#result .result{not_previous}[data-status=graded], "
                          f"#result .result{not_previous}[data-status=system_error]")
    result.wait_for(timeout=90_000)
    assert result.locator("[data-testid=verdict]").inner_text().startswith(expected), result.inner_text()


@pytest.fixture
def whole_bank(db, settings):
    """Every valid folder of problems/, so the catalogue screenshot shows the real bank."""
    from mljudge.grading.problems import problems_sync

    settings.MLJUDGE_PROBLEMS_DIR = PROBLEMS
    assert SLUG in problems_sync(root=PROBLEMS).outcomes


def test_it_lets_a_new_user_solve_a_problem_in_the_browser(page, live_server, start_worker, whole_bank):
    start_worker(name="e2e")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    page.goto(f"{live_server.url}/accounts/signup/")
    page.fill("#id_username", "grace")
    page.fill("#id_email", "grace@example.com")
    page.fill("#id_display_name", "Grace <script>alert(1)</script>")
    page.fill("#id_password1", "Correct-Horse-Battery-9")
    page.fill("#id_password2", "Correct-Horse-Battery-9")
    page.click("button[type=submit]")
    # The account is activated from the mailed link (issue 10: a sign-up says nothing about the address).
    page.wait_for_url(re.compile(r"/accounts/signup/sent/$"))
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[-1].body).group(1)
    page.goto(f"{live_server.url}{link}")
    page.click("[data-testid=activate]")
    page.wait_for_url(re.compile(r"/problems/$"))
    assert page.inner_text("[data-testid=display-name]") == "Grace <script>alert(1)</script>"
    page.screenshot(path=str(SCREENSHOTS / "catalogue.png"), full_page=True)

    page.click(f"tr[data-slug={SLUG}] a")
    page.wait_for_selector(".cm-content")
    page.wait_for_selector(".statement .katex")  # math rendered by KaTeX
    assert "raise NotImplementedError" in page.inner_text(".cm-content")  # the starter code
    page.screenshot(path=str(SCREENSHOTS / "problem.png"), full_page=False)

    type_code(page, REFERENCE)
    click_and_wait_verdict(page, "[data-testid=run]", "Accepted")
    assert page.locator("#result tr[data-visibility=hidden]").count() == 0  # a run: public examples only

    click_and_wait_verdict(page, "[data-testid=submit]", "Accepted")
    hidden_rows = page.locator("#result tr[data-visibility=hidden]")
    assert hidden_rows.count() > 0
    page.locator("#result a[href*='/submissions/']").first.click()
    page.wait_for_selector(".result[data-status=graded]")
    page.screenshot(path=str(SCREENSHOTS / "submission.png"), full_page=True)
    page.go_back()
    page.wait_for_selector(".cm-content")
    # The draft survived the navigation (localStorage autosave).
    assert page.eval_on_selector("textarea[name=source]", "t => t.value") == REFERENCE

    type_code(page, WRONG)
    click_and_wait_verdict(page, "[data-testid=submit]", "Wrong Answer")
    html = page.content()
    problem = grader.load_problem(PROBLEMS / SLUG)
    # A failed hidden test may show its failure category (its case's category, else the edge rules it covers),
    # and nothing else. Authors name cases after edges ("duplicate-init" covers "duplicate-init-rows"), so case
    # names are looked for in the rest of the page.
    categories = re.findall(r"failed: ([^<]*)<", html)
    assert set(categories) <= {c.failure_category for c in problem.cases() if not c.public}, categories
    rest = re.sub(r"failed: [^<]*<", "<", html)
    for case in problem.cases():
        if not case.public:
            assert case.name not in rest
    for row in page.locator("#result tr[data-visibility=hidden]").all():
        detail = row.locator("td.detail").inner_text().strip()
        assert row.locator("pre").count() == 0 and (detail == "hidden" or detail.startswith("failed: "))

    # A refusal is shown in place, with the reason.
    type_code(page, "   \n")
    page.click("[data-testid=submit]")
    assert "the source is empty" in page.locator("#result [data-testid=refused]").inner_text()
    assert not page.js_errors


def test_it_takes_a_design_answer_with_a_sanitised_preview(page, live_server, make_problem, make_user):
    problem = make_problem("design-a-feed", kind="design", title="Design a news feed",
                           statement="Design a feed for $10^6$ users.")
    make_user("ines", password="pw-Secret-123")
    log_in(page, live_server.url, "ines")
    page.goto(f"{live_server.url}/problems/{problem.slug}/")
    page.locator(".cm-content").click()
    page.keyboard.insert_text("# Fan-out on write\n\nCost $O(n)$ per post.\n\n<script>window.pwned = 1</script>")
    page.click("text=Preview")
    page.wait_for_selector("#preview h1")
    assert page.inner_text("#preview h1") == "Fan-out on write"
    assert page.locator("#preview .katex").count() == 1
    page.click("text=Submit for review")
    page.wait_for_selector(".result[data-status=awaiting_review]")
    assert "Awaiting review" in page.inner_text(".result")
    assert page.locator(".code h1").inner_text() == "Fan-out on write"
    assert page.evaluate("window.pwned") is None and "<script>window.pwned" not in page.content()
