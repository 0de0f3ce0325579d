"""Everyday comforts in a real browser (issue 13): Ctrl+Enter runs and Ctrl+Shift+Enter submits, Enter indents
Python by one level of 4 spaces, a queued submission is cancelled from its panel, and the pages fit a 390 px
phone without scrolling sideways (screenshots under var/screenshots). Also what each page downloads: only the
bundles it uses, and never a source map."""
from __future__ import annotations

import pytest

from ..conftest import kmeans_or_softmax, log_in, screenshots_dir

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser, pytest.mark.services]

SLUG = kmeans_or_softmax()
SCREENSHOTS = screenshots_dir()


def scripts_loaded(page) -> dict[str, int]:
    """The scripts this page fetched, by file name, with their sizes in bytes."""
    return page.evaluate("""() => Object.fromEntries(performance.getEntriesByType("resource")
        .filter((e) => e.name.endsWith(".js") || e.name.endsWith(".map"))
        .map((e) => [e.name.split("/").pop(), e.decodedBodySize]))""")


def test_the_keys_run_submit_and_indent_and_a_queued_submission_can_be_cancelled(page, live_server, queue,
                                                                                  synced_problems, make_user):
    make_user("kim")
    log_in(page, live_server.url, "kim")
    page.goto(f"{live_server.url}/problems/{SLUG}/")
    editor = page.locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    # Typed, not pasted: Enter after a colon indents by exactly one level of 4 spaces; Enter in a 4-space body
    # keeps it; pasting keeps indentation as it is.
    page.keyboard.type("def f(x):")
    page.keyboard.press("Enter")
    page.keyboard.type("y = x")
    page.keyboard.press("Enter")
    page.keyboard.type("return y")
    assert page.eval_on_selector("textarea[name=source]", "t => t.value") == "def f(x):\n    y = x\n    return y"
    page.keyboard.press("Control+A")
    page.keyboard.insert_text("def g():\n    if True:\n        return [\n            1,\n        ]\n")
    assert page.eval_on_selector("textarea[name=source]", "t => t.value") == \
        "def g():\n    if True:\n        return [\n            1,\n        ]\n"

    page.keyboard.press("Control+Enter")   # runs the public examples (no worker here: it stays queued)
    run = page.locator("#result .result[data-status=queued]")
    run.wait_for()
    assert run.inner_text().startswith("Run (public examples)")
    assert page.eval_on_selector("textarea[name=source]", "t => t.value").count("\n") == 5  # no blank line added

    editor.click()
    page.keyboard.press("Control+Shift+Enter")
    submitted = page.locator("#result .result[data-status=queued]").filter(has_text="Submission")
    submitted.wait_for()
    submitted.locator("[data-testid=cancel]").click()
    cancelled = page.locator("#result .result[data-status=cancelled]")
    cancelled.wait_for()
    assert "Cancelled" in cancelled.inner_text()
    # The recent submissions refreshed by themselves (the final state's event): the cancelled one is listed.
    page.locator("#recent-submissions").filter(has_text="Cancelled").wait_for()
    assert not page.js_errors


# What sticks out, for the failure message.
WIDEST = """() => [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > 392)
    .slice(0, 8).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)"""

PAGES = {
    "catalogue": "/problems/",
    "problem": f"/problems/{SLUG}/",
    "history": "/submissions/",
    "leaderboard": "/leaderboard/",
}


def test_the_pages_fit_a_390px_phone_and_load_only_their_bundles(page, live_server, synced_problems, make_user,
                                                                 make_submission):
    from mljudge.problemset.models import Problem
    from mljudge.submissions.models import Status, Verdict

    kim = make_user("kim", display_name="Kimberly Anne Longname-Example")
    for problem in Problem.objects.all():
        make_submission(kim, problem, status=Status.GRADED, verdict=Verdict.WRONG_ANSWER, passed=3, total=7)
    log_in(page, live_server.url, "kim")
    page.set_viewport_size({"width": 390, "height": 844})
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    loaded = {}
    for name, path in PAGES.items():
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        if name == "problem":
            page.wait_for_selector(".cm-content")
            page.wait_for_selector(".statement .katex")
        page.screenshot(path=str(SCREENSHOTS / f"phone-{name}.png"), full_page=True)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (f"{name} scrolls sideways: {width} px", page.evaluate(WIDEST))
        loaded[name] = scripts_loaded(page)
    print("scripts per page:", loaded)
    assert set(loaded["catalogue"]) == {"main.js"} and set(loaded["history"]) == {"main.js"}
    assert {"main.js", "editor.js", "math.js"} <= set(loaded["problem"])
    assert not any(name.endswith(".map") for files in loaded.values() for name in files)
    assert loaded["catalogue"]["main.js"] < 150_000
    assert not page.js_errors
