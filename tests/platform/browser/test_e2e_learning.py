"""Issue 13 in a real browser (Debian's Chromium, Playwright) against a live server and a real Celery worker
grading in Docker: a hint revealed and recorded; the editorial locked, then opened by giving up, with the forfeit
on the leaderboard; a hidden failure showing its category and nothing else; a plan page's progress after solving
its first problem."""
from __future__ import annotations

import re
import shutil

import pytest

from ...grader.conftest import to_bank_standard
from ..conftest import ROOT, log_in, screenshots_dir

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser, pytest.mark.docker,
              pytest.mark.services]

SCREENSHOTS = screenshots_dir()
FIXTURE = ROOT / "tests/grader/fixtures/vector-norm"
REFERENCE = (FIXTURE / "reference.py").read_text()
# Right on the public examples (floats), wrong on integer input: fails only the hidden "integer dtype" case.
WRONG = ("import numpy as np\n\n\ndef row_norms(x):\n    if x.dtype.kind == 'i':\n"
         "        return np.zeros(len(x))\n    return np.sqrt((x ** 2).sum(axis=1))\n")


@pytest.fixture
def learning_bank(tmp_path, settings, make_problem):
    """vector-norm at the bank's standard (hints, learn text, editorial, categories) and a plan: it, then one more."""
    from mljudge.grading.problems import problems_sync

    root = tmp_path / "problems"
    to_bank_standard(shutil.copytree(FIXTURE, root / "vector-norm"))
    make_problem("plan-second", title="The second step")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "warm-up.toml").write_text(
        'slug = "warm-up"\ntitle = "Warm-up"\nposition = 1\nsummary = "Norms first."\n'
        '[[steps]]\nproblem = "vector-norm"\nwhy = "Start here."\n'
        '[[steps]]\nproblem = "plan-second"\nwhy = "Then this."\n')
    settings.MLJUDGE_PROBLEMS_DIR = root
    report = problems_sync(root=root)
    assert report.outcomes == {"vector-norm": "created"} and report.plans == ["warm-up"], report
    return root


def submit(page, source: str, expected: str):
    editor = page.locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(source)
    previous = page.eval_on_selector_all("#result .result", "els => els.map(e => e.id)")
    page.click("[data-testid=submit]")
    not_previous = "".join(f":not(#{p})" for p in previous)
    result = page.locator(f"#result .result{not_previous}[data-status=graded]")
    result.wait_for(timeout=90_000)
    assert result.locator("[data-testid=verdict]").inner_text().startswith(expected), result.inner_text()
    return result


def test_hints_give_up_categories_and_plans_in_the_browser(page, live_server, start_worker, learning_bank,
                                                           make_user):
    from mljudge.leaderboards.models import BestResult
    from mljudge.learning.models import EditorialUnlock, HintReveal

    start_worker(name="e2e-learning", env={"MLJUDGE_PROBLEMS_DIR": str(learning_bank)})
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    ann = make_user("ann")
    bob = make_user("bob")
    log_in(page, live_server.url, "ann")

    # The plan before anything is solved.
    page.goto(f"{live_server.url}/plans/")
    assert page.inner_text("[data-plan=warm-up] [data-testid=plan-progress]") == "0 of 2 solved"

    # The learn text is open, the editorial locked and not in the page, the hint rule stated.
    page.goto(f"{live_server.url}/problems/vector-norm/")
    page.wait_for_selector(".cm-content")
    assert "Euclidean norm" in page.inner_text("[data-testid=learn]")
    assert "costs 10% of its points" in page.inner_text("[data-testid=hint-rule]")
    assert page.locator("[data-testid=editorial-locked]").count() == 1
    assert "np.sqrt((x ** 2)" not in page.content()

    # A hint, revealed in place (htmx, CSRF) and recorded.
    page.click("[data-testid=reveal-hint]")
    page.wait_for_selector("[data-testid=hint]")
    assert "Which norm?" in page.inner_text("[data-testid=hints]")
    assert "Reveal hint 2 of 2" in page.inner_text("[data-testid=reveal-hint]")
    assert list(HintReveal.objects.filter(user=ann).values_list("index", flat=True)) == [0]

    # A hidden failure: its category, no input, output or case name.
    result = submit(page, WRONG, "Wrong Answer")
    assert result.locator("[data-testid=failure-category]").all_inner_texts() == ["failed: integer dtype"]
    text = result.inner_text()
    assert "hidden-ints" not in text and "arange" not in text
    for row in result.locator("tr[data-visibility=hidden]").all():
        assert row.locator("pre").count() == 0
    page.screenshot(path=str(SCREENSHOTS / "hidden-failure-category.png"), full_page=True)

    # Solved: the editorial opens as earned; the plan moves on; the hint cost 10 %.
    result = submit(page, REFERENCE, "Accepted")
    assert "Next in Warm-up: The second step" in result.locator("[data-testid=next-in-plan]").inner_text()
    page.goto(f"{live_server.url}/plans/warm-up/")
    assert page.inner_text("[data-testid=plan-progress]") == "1 of 2 solved"
    assert "The second step" in page.inner_text("[data-testid=next-problem]")
    page.screenshot(path=str(SCREENSHOTS / "plan-progress.png"), full_page=True)
    assert BestResult.objects.get(user=ann).points == pytest.approx(0.9)

    # Bob gives up (a confirm step stating the forfeit), reads the editorial, then solves: a forfeit.
    page.context.clear_cookies()
    log_in(page, live_server.url, "bob")
    page.goto(f"{live_server.url}/problems/vector-norm/")
    page.click("[data-testid=give-up]")
    assert "forfeit" in page.inner_text("[data-testid=give-up-confirm]")
    page.click("[data-testid=confirm-give-up]")
    page.wait_for_selector("[data-testid=forfeit-note]")
    assert "np.sqrt((x ** 2).sum(axis=1))" in page.inner_text("[data-testid=editorial]")
    page.screenshot(path=str(SCREENSHOTS / "editorial-after-give-up.png"), full_page=False)
    assert EditorialUnlock.objects.get(user=bob).reason == "gave_up"
    page.wait_for_selector(".cm-content")
    submit(page, REFERENCE, "Accepted")
    page.goto(f"{live_server.url}/leaderboard/problems/vector-norm/")
    assert page.locator("tr[data-user=bob] [data-testid=forfeit]").inner_text() == "forfeit"
    assert page.locator("tr[data-user=ann] [data-testid=forfeit]").count() == 0
    assert "earns 0 points" in page.inner_text("[data-testid=learning-rules]")
    page.screenshot(path=str(SCREENSHOTS / "leaderboard-forfeit.png"), full_page=True)
    assert BestResult.objects.get(user=bob).points == 0.0
    assert not page.js_errors
