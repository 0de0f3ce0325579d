"""In a real browser: every kind of page runs under the Content-Security-Policy with nothing refused. The
editor works (typing shows text, its theme applies), KaTeX renders math, Chart.js draws, htmx swaps fragments
in (statistics, and a 413 refusal in the result panel), the leaderboard marks the viewer's row."""
from __future__ import annotations

import re

import grader
import pytest
from django.conf import settings

from mljudge.grading.api import source_too_big

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser, pytest.mark.services]
CSP_REFUSAL = re.compile(r"Refused to|Content Security Policy|Content-Security-Policy", re.IGNORECASE)


@pytest.fixture
def accepted(make_user, make_problem, make_submission):
    """cara has one accepted submission (through the pipeline's last step, without a sandbox)."""
    from mljudge.grading import services as grading

    user = make_user("cara", display_name="Cara")
    problem = make_problem("toy", statement="Compute $x^2$ for every $x \\in \\mathbb{R}$.")
    claim = grading.submission_claim(submission_id=make_submission(user, problem).id)
    report = grader.Report(problem="toy", problem_version=1, verdict=grader.Verdict("accepted"), score=1.0,
                           passed=1, total=1, time_s=0.01)
    assert grading.submission_complete(claim=claim, report=report)
    return claim.submission.id


def watch(page) -> list[str]:
    """Console messages about the policy, and the violations the page itself reports."""
    seen: list[str] = []
    page.on("console", lambda msg: CSP_REFUSAL.search(msg.text) and seen.append(f"{page.url}: {msg.text} {msg.location}"))
    page.add_init_script("""document.addEventListener("securitypolicyviolation",
        (e) => console.error(`Refused to load (securitypolicyviolation): ${e.violatedDirective} ${e.blockedURI}`));""")
    return seen


def visit(page, url: str, status: int = 200) -> None:
    response = page.goto(url)
    assert response.status == status, url
    policy = response.headers.get("content-security-policy", "")
    assert "default-src 'self'" in policy and "script-src 'self';" in policy, url
    page.wait_for_load_state("load")


def test_every_page_works_under_the_policy_without_a_refusal(page, live_server, accepted):
    base = live_server.url
    refusals = watch(page)
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", "cara")
    page.fill("#id_password", "pw-Secret-123")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/problems/$"))

    visit(page, f"{base}/problems/")
    assert page.locator("text=Toy").count() >= 1

    visit(page, f"{base}/problems/toy/")
    page.wait_for_selector(".statement .katex")  # KaTeX rendered the math
    page.wait_for_selector("[data-testid=problem-stats]")
    page.wait_for_selector("canvas[data-chart=chart-verdicts][data-drawn]")  # htmx swap + Chart.js
    editor = page.locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("def f(x):\n    return x * x")
    assert "return x * x" in editor.inner_text()  # typing shows text
    assert "return x * x" in page.eval_on_selector("textarea[name=source]", "t => t.value")
    # CodeMirror's own stylesheet (a <style> under the nonce) applied: its base theme makes the editor a flexbox.
    assert page.eval_on_selector(".cm-editor", "e => getComputedStyle(e).display") == "flex"

    # A paste too large to read: the result panel shows the 413 refusal, not an error page.
    page.eval_on_selector("textarea[name=source]", "(t, n) => { t.value = '# ' + 'é'.repeat(n); }",
                          settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 2)
    page.click("[data-testid=run]")
    refused = page.locator("#result [data-testid=refused]")
    refused.wait_for()
    assert refused.inner_text() == str(source_too_big())
    assert page.locator("#result html, #result .error-page").count() == 0

    visit(page, f"{base}/submissions/{accepted}/")
    page.wait_for_selector(".highlight")

    visit(page, f"{base}/leaderboard/")
    own = page.locator("[data-testid=leaderboard] tbody:not(.pinned) tr[data-user=cara] td").first
    assert own.evaluate("td => getComputedStyle(td).fontWeight") == "600"  # the nonce'd <style> applied

    visit(page, f"{base}/leaderboard/problems/toy/")
    visit(page, f"{base}/users/cara/")
    page.wait_for_selector("canvas[data-chart=chart-topics][data-drawn]")
    page.wait_for_selector("canvas[data-chart=chart-activity][data-drawn]")

    visit(page, f"{base}/no-such-page/", status=404)  # the 404 page, under the policy too
    assert page.locator("[data-testid=error-page]").count() == 1

    assert refusals == []
    assert page.js_errors == []
