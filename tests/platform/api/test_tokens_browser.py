"""In a real browser: a token is created on the tokens page and shown once, it works with the API, it is
revoked from the same page; the API's docs page (Swagger UI from our own static files) renders its operations
under the site's Content-Security-Policy."""
from __future__ import annotations

import httpx
import pytest

from ..conftest import log_in
from ..security.test_csp import watch

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser, pytest.mark.services]


def test_a_token_is_shown_once_works_and_is_revoked(page, live_server, make_user):
    make_user("tom")
    base = live_server.url
    log_in(page, base, "tom")
    page.click("[data-testid=nav-tokens]")
    page.fill("[data-testid=token-name]", "laptop")
    page.check("[data-testid=scope-read]")
    page.uncheck("[data-testid=scope-submit]")
    page.click("[data-testid=token-create]")
    secret = page.locator("[data-testid=token-secret]").inner_text().strip()
    assert secret.startswith("mlj_")

    me = httpx.get(f"{base}/api/v1/whoami", headers={"Authorization": f"Bearer {secret}"})
    assert me.status_code == 200 and me.json()["token"]["scopes"] == ["read"]

    page.goto(f"{base}/accounts/tokens/")
    assert secret not in page.content()           # shown once
    row = page.locator("[data-testid=token-row]")
    assert row.count() == 1 and "read" in row.inner_text() and "laptop" in row.inner_text()
    assert "/api/v1/whoami" in page.locator("[data-testid=token-uses]").inner_text()   # the usage log
    row.locator("[data-testid=token-revoke]").click()
    page.wait_for_selector("text=revoked")
    assert httpx.get(f"{base}/api/v1/whoami", headers={"Authorization": f"Bearer {secret}"}).status_code == 401


def test_the_docs_page_renders_under_the_policy(page, live_server):
    refusals = watch(page)
    response = page.goto(f"{live_server.url}/api/v1/docs")
    assert response.status == 200
    page.wait_for_selector(".opblock-summary-path", timeout=20_000)   # Swagger UI drew the operations
    assert "/api/v1/whoami" in page.locator(".swagger-ui").inner_text()
    assert refusals == []
    assert page.js_errors == []
