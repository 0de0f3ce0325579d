"""Code drafts live on the server, per user and problem (finding 5): restored on any device, never shown to
anyone else, refused (keeping the previous one) where a submission would be; nothing of them is left in
localStorage after logging out."""
from __future__ import annotations

import html
import json
import re
from urllib.parse import quote_from_bytes

import pytest
from django.test import Client
from django.urls import reverse
from mljudge.grading.api import MAX_SOURCE_BYTES

from ..conftest import log_in

pytestmark = [pytest.mark.django_db, pytest.mark.services]

STARTER = "def f(x):\n    raise NotImplementedError\n"   # make_problem's


def drafts():
    from mljudge.submissions.models import Draft  # here, so that each test (not the module) fails without it

    return Draft.objects


def editor_text(page_html: str) -> str:
    """What the problem page's code editor starts from (the textarea behind CodeMirror)."""
    match = re.search(r'<textarea name="source"[^>]*>\n?(.*?)</textarea>', page_html, re.DOTALL)
    assert match, "no code editor on the page"
    return html.unescape(match.group(1))


def problem_page(client: Client, slug: str = "toy") -> str:
    return client.get(reverse("problemset:detail", args=[slug])).content.decode()


def save(client: Client, source: bytes | str, slug: str = "toy"):
    """POSTs the bytes exactly as given (as the editor's autosave does: urlencoded)."""
    raw = source if isinstance(source, bytes) else source.encode()
    return client.post(reverse("submissions:draft", args=[slug]), f"source={quote_from_bytes(raw)}",
                       content_type="application/x-www-form-urlencoded")


@pytest.fixture
def alice(make_user):
    return make_user("alice")


@pytest.fixture
def toy(make_problem):
    return make_problem("toy")


def test_it_restores_the_draft_on_another_device(client, alice, toy):
    client.force_login(alice)
    assert editor_text(problem_page(client)) == STARTER   # no draft yet: the starter
    # The page holds a draft: the browser must not keep it (Back after logging out, a shared computer).
    assert "no-store" in client.get(reverse("problemset:detail", args=["toy"]))["Cache-Control"]
    source = "\nimport numpy as np  # <b>&amp;</b>\n\ndef f(x):\n    return x * 2\n"
    response = save(client, source)
    assert response.status_code == 200 and "saved_at" in json.loads(response.content)
    response = save(client, source + "# more\r\n")          # replaces it; line ends as a submission's
    assert response.status_code == 200 and drafts().count() == 1

    other_device = Client()
    other_device.force_login(alice)
    assert editor_text(problem_page(other_device)) == source + "# more\n"   # exactly: leading blank line, markup


def test_it_never_shows_a_draft_to_another_user(client, alice, toy, make_user):
    client.force_login(alice)
    assert save(client, "ALICE_SECRET = 1\n").status_code == 200
    bob = Client()
    bob.force_login(make_user("bob"))
    page = problem_page(bob)
    assert editor_text(page) == STARTER and "ALICE_SECRET" not in page
    assert save(bob, "BOB = 2\n").status_code == 200        # his own, beside hers
    assert editor_text(problem_page(client)) == "ALICE_SECRET = 1\n"
    assert "ALICE_SECRET" not in problem_page(Client())      # nor to anonymous visitors


@pytest.mark.parametrize("bad, status, reason", [
    (b"x = 1\n" + b"#" * MAX_SOURCE_BYTES, 413, f"the limit is {MAX_SOURCE_BYTES:,} bytes"),
    (b"x = 1\x00\n", 400, "NUL"),
    (b"x = '\xff'\n", 400, "not valid UTF-8"),
])
def test_it_refuses_what_could_not_be_submitted_and_keeps_the_previous_draft(client, alice, toy, bad, status,
                                                                           reason):
    client.force_login(alice)
    assert save(client, "GOOD = 1\n").status_code == 200
    response = save(client, bad)
    assert response.status_code == status and reason in response.content.decode()
    assert response["Content-Type"].startswith("text/plain") and len(response.content) < 200
    assert editor_text(problem_page(client)) == "GOOD = 1\n"


def test_it_takes_a_draft_exactly_at_the_limit_and_an_empty_one(client, alice, toy):
    client.force_login(alice)
    assert save(client, b"#" * MAX_SOURCE_BYTES).status_code == 200
    assert save(client, "").status_code == 200               # an emptied editor stays empty, not the starter
    assert editor_text(problem_page(client)) == ""


def test_it_lets_only_a_logged_in_user_save_with_a_csrf_token(client, alice, toy):
    response = save(client, "ANON = 1\n")
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert client.get(reverse("submissions:draft", args=["toy"])).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(alice)
    assert save(strict, "FORGED = 1\n").status_code == 403
    assert not drafts().exists()


def test_it_forgets_the_draft_on_reset(client, alice, toy):
    client.force_login(alice)
    save(client, "MINE = 1\n")
    assert client.delete(reverse("submissions:draft", args=["toy"])).status_code == 204
    assert editor_text(problem_page(client)) == STARTER and not drafts().exists()


def test_it_keeps_drafts_to_code_problems(client, alice, make_problem):
    make_problem("essay", kind="design")
    client.force_login(alice)
    response = save(client, "text", slug="essay")
    assert response.status_code == 400 and "does not take code" in response.content.decode()
    assert not drafts().exists()


# --- in a real browser -------------------------------------------------------------------------------


def our_keys(page) -> dict:
    return page.evaluate("""() => Object.fromEntries(Object.keys(localStorage)
        .filter((k) => k.startsWith("mljudge:")).map((k) => [k, localStorage.getItem(k)]))""")


def editor_value(page) -> str:
    return page.eval_on_selector("textarea[name=source]", "t => t.value")


def type_code(page, text: str) -> None:
    page.click(".cm-content")
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(text)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_it_autosaves_to_the_server_and_leaves_nothing_behind_at_logout(page, live_server, make_user, make_problem):
    alice, _ = make_user("alice"), make_user("bob")
    make_problem("toy")
    make_problem("essay", kind="design")
    base = live_server.url

    # A draft of the old kind, under no user, left by whoever used this browser before.
    page.goto(f"{base}/accounts/login/")
    page.evaluate("() => localStorage.setItem('mljudge:draft:toy', 'OLD_UNSCOPED = 1')")
    log_in(page, base, "alice")
    assert our_keys(page) == {}                              # removed on the first page load
    page.goto(f"{base}/problems/toy/")
    page.wait_for_selector(".cm-content")
    assert editor_value(page) == STARTER

    type_code(page, "ALICE_DRAFT = 1")
    page.wait_for_function("() => document.querySelector('[data-testid=draft-status]').textContent === 'Saved'")
    assert drafts().get(user=alice).source == "ALICE_DRAFT = 1"
    assert our_keys(page) == {}                              # the server has it: no copy kept in the browser

    # Another device: a fresh browser context (no localStorage, no cookies) logged in as the same user.
    other = page.context.browser.new_context()
    try:
        second = other.new_page()
        second.set_default_timeout(20_000)
        log_in(second, base, "alice")
        second.goto(f"{base}/problems/toy/")
        second.wait_for_selector(".cm-content")
        assert editor_value(second) == "ALICE_DRAFT = 1"
        assert "ALICE_DRAFT = 1" in second.inner_text(".cm-content")
    finally:
        other.close()

    # Reset: the starter again, and no draft left on the server.
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-editor-reset]")
    page.wait_for_function("() => document.querySelector('[data-testid=draft-status]').textContent.startsWith('Reset')")
    assert editor_value(page) == STARTER and not drafts().filter(user=alice).exists()

    # Offline: kept in this browser, under alice's id, until the next load sends it.
    page.context.set_offline(True)
    type_code(page, "ALICE_OFFLINE = 1")
    page.wait_for_function("() => document.querySelector('[data-testid=draft-status]').textContent.includes('offline')")
    assert json.loads(our_keys(page)[f"mljudge:draft:{alice.pk}:toy"])["source"] == "ALICE_OFFLINE = 1"
    page.context.set_offline(False)
    page.reload()
    page.wait_for_function("() => document.querySelector('[data-testid=draft-status]').textContent === 'Saved'")
    assert editor_value(page) == drafts().get(user=alice).source == "ALICE_OFFLINE = 1" and our_keys(page) == {}

    # Typed just before logging out: sent on the way out, not lost; a design answer kept in this browser only.
    page.goto(f"{base}/problems/essay/")
    page.click(".cm-content")
    page.keyboard.insert_text("My answer")
    page.wait_for_function(f"() => localStorage.getItem('mljudge:answer:{alice.pk}:essay') === 'My answer'")
    page.goto(f"{base}/problems/toy/")
    page.wait_for_selector(".cm-content")
    type_code(page, "ALICE_LAST = 2")
    page.click("text=Log out")
    page.wait_for_url(re.compile(r"/problems/$"))
    assert our_keys(page) == {}
    assert drafts().get(user=alice).source == "ALICE_LAST = 2"
    page.go_back()   # the problem page again: not from the browser's cache, so without alice's draft
    page.wait_for_load_state()
    assert "ALICE" not in page.content() and page.locator(".cm-content").count() == 0

    # A copy an expired session left behind is removed as soon as a logged-out page loads (the login page).
    page.evaluate(f"() => localStorage.setItem('mljudge:draft:{alice.pk}:toy', "
                  "JSON.stringify({source: 'ALICE_PENDING = 3', base: ''}))")
    log_in(page, base, "bob")
    assert our_keys(page) == {}
    page.goto(f"{base}/problems/toy/")
    page.wait_for_selector(".cm-content")
    assert editor_value(page) == STARTER and "ALICE" not in page.content()
    assert not page.js_errors
