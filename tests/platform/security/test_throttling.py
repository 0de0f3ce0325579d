"""Throttling (issue 10, finding 4): login lockout by django-axes on the site and the admin, and the request
rates of mljudge.core.ratelimits on password resets, sign-ups, previews and comments, counted in the real
Redis as production counts them. Every limit is read from the code (settings, LIMITS), never repeated."""
from __future__ import annotations

import re
import uuid
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mljudge.core.ratelimits import LIMITS

from ..conftest import log_in

pytestmark = [pytest.mark.django_db, pytest.mark.services]

PASSWORD = "pw-Secret-123"


def allowed(name: str, rule: int = 0) -> int:
    """How many POSTs LIMITS[name]'s rule lets through per period."""
    return int(LIMITS[name].rules[rule].rate.split("/")[0])


@pytest.fixture(autouse=True)
def real_rates(settings, redis_url):
    """Rates on, counted in the real Redis under a key prefix of this test's own (settings/test.py turns
    them off for the rest of the suite, whose cache prefix is shared by all its tests)."""
    import redis

    prefix = f"mljudge-test-{uuid.uuid4().hex}"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": redis_url, "KEY_PREFIX": prefix}}
    settings.RATELIMIT_ENABLE = True
    yield
    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def refused_text(response) -> str:
    match = re.search(r'data-testid="refused">([^<]*)<', response.content.decode())
    assert match, response.content.decode()[:500]
    return match.group(1)


def logged_in(client) -> bool:
    return client.get(reverse("submissions:history")).status_code == 200


def fail_logins(client, url: str, username: str, times: int):
    return [client.post(url, {"username": username, "password": "wrong-password"}) for _ in range(times)]


# --- login lockout (django-axes) -----------------------------------------------------------------------

@pytest.mark.parametrize("url_name", ["login", "admin:login"])
def test_it_locks_a_login_out_after_the_failure_limit_even_for_the_right_password(client, make_user, url_name):
    make_user("alice", password=PASSWORD, staff=True)
    url = reverse(url_name)
    limit = django_settings.AXES_FAILURE_LIMIT
    responses = fail_logins(client, url, "alice", limit)
    assert [r.status_code for r in responses[:-1]] == [200] * (limit - 1)   # the form, with its error
    assert responses[-1].status_code == 429
    minutes = int(django_settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    assert refused_text(responses[-1]) == f"Too many failed logins: try again in {minutes} minutes."

    right = client.post(url, {"username": "alice", "password": PASSWORD})
    assert right.status_code == 429 and not logged_in(client)
    assert "_auth_user_id" not in client.session


def test_it_lets_the_right_password_in_again_after_the_cool_off(client, make_user):
    from axes.models import AccessAttempt

    make_user("alice", password=PASSWORD)
    fail_logins(client, reverse("login"), "alice", django_settings.AXES_FAILURE_LIMIT)
    assert client.post(reverse("login"), {"username": "alice", "password": PASSWORD}).status_code == 429
    # The cool-off passes (the attempts age; no sleeping).
    AccessAttempt.objects.update(attempt_time=timezone.now() - django_settings.AXES_COOLOFF_TIME
                                 - timedelta(seconds=1))
    assert client.post(reverse("login"), {"username": "alice", "password": PASSWORD}).status_code == 302
    assert logged_in(client)


def test_it_locks_only_the_guessing_address_out_not_the_owner_elsewhere(make_user):
    make_user("alice", password=PASSWORD)
    attacker, owner = Client(REMOTE_ADDR="203.0.113.7"), Client(REMOTE_ADDR="198.51.100.20")
    fail_logins(attacker, reverse("login"), "alice", django_settings.AXES_FAILURE_LIMIT)
    assert attacker.post(reverse("login"), {"username": "alice", "password": PASSWORD}).status_code == 429
    assert owner.post(reverse("login"), {"username": "alice", "password": PASSWORD}).status_code == 302
    assert logged_in(owner)


def test_it_locks_out_an_unknown_username_with_the_same_words(client, make_user):
    make_user("alice", password=PASSWORD)
    limit = django_settings.AXES_FAILURE_LIMIT
    real = fail_logins(client, reverse("login"), "alice", limit)[-1]
    ghost = fail_logins(client, reverse("login"), "nobody-has-this-name", limit)[-1]
    assert real.status_code == ghost.status_code == 429
    assert refused_text(real) == refused_text(ghost)
    assert "alice" not in real.content.decode() and "nobody-has-this-name" not in ghost.content.decode()


def test_it_keys_on_the_proxy_seen_address_not_a_spoofed_forwarded_for(settings, make_user):
    settings.MLJUDGE_PROXY_HOPS = 1
    make_user("alice", password=PASSWORD)
    for n in range(django_settings.AXES_FAILURE_LIMIT):
        # The client makes up the left entries; our proxy appends what it saw (the right-most).
        Client(HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 203.0.113.7").post(
            reverse("login"), {"username": "alice", "password": "wrong"})
    again = Client(HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.7")
    assert again.post(reverse("login"), {"username": "alice", "password": PASSWORD}).status_code == 429
    elsewhere = Client(HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert elsewhere.post(reverse("login"), {"username": "alice", "password": PASSWORD}).status_code == 302


def test_it_counts_an_ipv6_caller_by_its_slash_64(make_user):
    make_user("alice", password=PASSWORD)
    for n in range(django_settings.AXES_FAILURE_LIMIT):
        Client(REMOTE_ADDR=f"2001:db8:1:2::{n + 1:x}").post(reverse("login"), {"username": "alice", "password": "x"})
    same_64 = Client(REMOTE_ADDR="2001:db8:1:2:ffff::9")
    assert same_64.post(reverse("login"), {"username": "alice", "password": PASSWORD}).status_code == 429
    other_64 = Client(REMOTE_ADDR="2001:db8:1:3::1")
    assert other_64.post(reverse("login"), {"username": "alice", "password": PASSWORD}).status_code == 302


def test_it_caps_login_attempts_from_one_address_across_usernames(client, make_user):
    """Password spraying: one wrong guess on each of many accounts never trips the per-account lockout."""
    make_user("alice", password=PASSWORD)
    cap = allowed("login")
    codes = [client.post(reverse("login"), {"username": f"user-{n}", "password": "Summer2026!"}).status_code
             for n in range(cap)]
    assert 429 not in codes
    assert client.post(reverse("admin:login"), {"username": "alice", "password": PASSWORD}).status_code == 429
    assert client.post(reverse("login"), {"username": "alice", "password": PASSWORD}).status_code == 429
    assert not logged_in(client)


# --- password reset -------------------------------------------------------------------------------------

def test_it_caps_reset_mails_to_one_address(client, make_user):
    user = make_user("carol")
    cap = allowed("password-reset", 1)
    spellings = [user.email, user.email.upper(), f"  {user.email}  "]
    responses = [client.post(reverse("password_reset"), {"email": spellings[n % 3]}) for n in range(cap + 3)]
    assert [r.status_code for r in responses] == [302] * cap + [429] * 3
    assert len(mail.outbox) == cap
    assert refused_text(responses[-1]).startswith("Too many password reset requests: try again in ")
    # Someone else's reset, from another address, still goes out.
    other = make_user("dave")
    Client(REMOTE_ADDR="198.51.100.20").post(reverse("password_reset"), {"email": other.email})
    assert len(mail.outbox) == cap + 1


def test_it_caps_reset_mails_from_one_address_to_many(client, make_user):
    cap = allowed("password-reset", 0)
    users = [make_user(f"u{n}") for n in range(cap + 2)]
    codes = [client.post(reverse("password_reset"), {"email": u.email}).status_code for u in users]
    assert codes == [302] * cap + [429, 429]
    assert len(mail.outbox) == cap


def test_it_answers_a_reset_for_an_unknown_address_like_a_known_one(client, make_user):
    user = make_user("carol")
    known = client.post(reverse("password_reset"), {"email": user.email})
    unknown = client.post(reverse("password_reset"), {"email": "nobody@example.com"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"]) == (
        302, reverse("password_reset_done"))
    assert [m.to for m in mail.outbox] == [[user.email]]


# --- sign-up --------------------------------------------------------------------------------------------

def signup(client, n: int, email: str | None = None):
    return client.post(reverse("signup"), {
        "username": f"new{n}", "email": email or f"new{n}@example.com", "display_name": "",
        "password1": "an-Excellent-pass-42", "password2": "an-Excellent-pass-42"})


def test_it_caps_sign_ups_from_one_address(client):
    cap = allowed("signup", 0)
    codes = [signup(client, n).status_code for n in range(cap + 1)]
    assert codes == [302] * cap + [429]
    assert get_user_model().objects.filter(username__startswith="new").count() == cap
    assert len(mail.outbox) == cap


def test_it_caps_sign_up_mails_to_one_address(make_user):
    owner = make_user("olga")
    cap = allowed("signup", 1)
    codes = [signup(Client(REMOTE_ADDR=f"198.51.100.{n}"), n, owner.email.upper()).status_code
             for n in range(cap + 2)]
    assert codes == [302] * cap + [429, 429]
    assert len(mail.outbox) == cap


# --- Markdown preview and comments -----------------------------------------------------------------------

def test_it_caps_previews_with_a_429_in_the_panel_and_on_a_page(client, make_user):
    client.force_login(make_user("pat"))
    url = reverse("submissions:preview")
    for _ in range(allowed("preview")):
        assert client.post(url, {"answer": "# Hi"}, HTTP_HX_REQUEST="true").status_code == 200
    fragment = client.post(url, {"answer": "# Hi"}, HTTP_HX_REQUEST="true")
    assert fragment.status_code == 429 and "<html" not in fragment.content.decode()
    assert refused_text(fragment) == "Too many previews: try again in a minute."
    assert int(fragment["Retry-After"]) <= 60
    page = client.post(url, {"answer": "# Hi"})
    assert page.status_code == 429 and "<html" in page.content.decode()
    assert refused_text(page) == "Too many previews: try again in a minute."
    # Another person is not held back by pat's count.
    client.force_login(make_user("quinn"))
    assert client.post(url, {"answer": "# Hi"}, HTTP_HX_REQUEST="true").status_code == 200


def test_it_caps_comments_with_a_429_and_stores_no_more(client, make_user, make_problem, make_submission):
    author = make_user("rita")
    submission = make_submission(author, make_problem("toy"))
    client.force_login(author)
    url = reverse("review:comment", args=[submission.id])
    cap = allowed("comment")
    for n in range(cap):
        assert client.post(url, {"body": f"note {n}", "next": "own"}).status_code == 302
    page = client.post(url, {"body": "one too many", "next": "own"})
    assert page.status_code == 429 and "<html" in page.content.decode()
    assert refused_text(page) == "Too many comments: try again in a minute."
    fragment = client.post(url, {"body": "one too many"}, HTTP_HX_REQUEST="true")
    assert fragment.status_code == 429 and "<html" not in fragment.content.decode()
    assert submission.comments.count() == cap


def test_it_caps_password_changes_so_a_stolen_session_cannot_guess_the_old_one(client, make_user):
    client.force_login(make_user("sam"))
    cap = allowed("password-change")
    codes = [client.post(reverse("password_change"), {
        "old_password": f"guess-{n}", "new_password1": "a-Brand-new-pass-9",
        "new_password2": "a-Brand-new-pass-9"}).status_code for n in range(cap + 1)]
    assert codes == [200] * cap + [429]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_refused_preview_shows_its_message_in_the_preview_panel(page, live_server, make_problem, make_user):
    problem = make_problem("design-a-feed", kind="design", title="Design a news feed", statement="Design it.")
    user = make_user("ines", password=PASSWORD)
    log_in(page, live_server.url, "ines", PASSWORD)
    script = Client()   # a script of ines's uses up her previews first
    script.force_login(user)
    for _ in range(allowed("preview")):
        assert script.post(reverse("submissions:preview"), {"answer": "x"}, HTTP_HX_REQUEST="true").status_code == 200
    page.goto(f"{live_server.url}/problems/{problem.slug}/")
    page.locator(".cm-content").click()
    page.keyboard.insert_text("# Fan-out on write")
    page.click("text=Preview")
    page.wait_for_selector("#preview [data-testid=refused]")
    assert page.inner_text("#preview [data-testid=refused]") == "Too many previews: try again in a minute."
    assert not page.js_errors


def test_it_caps_problem_syncs_per_author(client, make_user, settings, tmp_path):
    from django.contrib.auth.models import Group

    settings.MLJUDGE_PROBLEMS_DIR = tmp_path   # an empty bank: each sync is quick, the count is the point
    author = make_user("aria")
    author.groups.add(Group.objects.get(name="author"))
    client.force_login(author)
    # Each allowed POST redirects to the queued run (the first queues it; the others are shown it).
    codes = [client.post(reverse("authoring:sync")).status_code for _ in range(allowed("authoring-sync") + 1)]
    assert codes == [302] * allowed("authoring-sync") + [429]


def test_api_requests_are_limited_per_token_owner_with_a_json_429(client, make_user):
    """Every method counts (a script's GET loop too); the refusal is the API's error shape with Retry-After,
    and another user is not affected."""
    from mljudge.api.services import token_create

    heavy, other = make_user(), make_user()
    secret = token_create(user=heavy, name="loop", scopes=["read"], expires_in_days=None).secret
    headers = {"Authorization": f"Bearer {secret}"}
    statuses = [client.get("/api/v1/whoami", headers=headers).status_code for _ in range(allowed("api"))]
    assert set(statuses) == {200}
    refused = client.get("/api/v1/whoami", headers=headers)
    assert refused.status_code == 429
    error = refused.json()["error"]
    assert error["reason"] == "rate_limited" and "Too many API requests" in error["message"]
    assert 0 < int(refused["Retry-After"]) <= 60
    other_secret = token_create(user=other, name="x", scopes=["read"], expires_in_days=None).secret
    assert client.get("/api/v1/whoami", headers={"Authorization": f"Bearer {other_secret}"}).status_code == 200


def test_api_requests_refused_before_a_user_is_known_count_too(client, make_user):
    """Wrong tokens and missing credentials count against the address, and a token's requests count before its
    scope is checked; a flood of 429s is not logged row by row."""
    from mljudge.api.models import ApiTokenUse
    from mljudge.api.services import token_create

    bad = {"Authorization": "Bearer mlj_" + "x" * 43}
    statuses = [client.get("/api/v1/whoami", headers=bad).status_code for _ in range(allowed("api"))]
    assert set(statuses) == {401}
    assert client.get("/api/v1/whoami", headers=bad).status_code == 429
    assert client.get("/api/v1/whoami").status_code == 429          # no credentials: the same address

    secret = token_create(user=make_user(), name="x", scopes=["read"], expires_in_days=None).secret
    scoped = {"Authorization": f"Bearer {secret}"}
    statuses = [client.post("/api/v1/problems/x/submissions", {}, content_type="application/json",
                            headers=scoped).status_code for _ in range(allowed("api") + 5)]
    assert statuses[:allowed("api")] == [403] * allowed("api") and set(statuses[allowed("api"):]) == {429}
    assert ApiTokenUse.objects.filter(status=429).count() == 0
    assert ApiTokenUse.objects.count() == allowed("api")
