"""Security headers on every response (in the test settings, so these tests prove what production sends),
production's HTTPS settings and its refusal of the unsafe local sandbox, and the site's own error pages."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from ..conftest import ROOT

pytestmark = [pytest.mark.services]
HTMX = {"HTTP_HX_REQUEST": "true"}
PROD_ENV = {"DJANGO_SETTINGS_MODULE": "mljudge.config.settings.prod", "ALLOWED_HOSTS": "judge.example.org",
            "SECRET_KEY": "a-very-long-random-production-secret-key-0123456789"}


def csp_directives(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.django_db
def test_it_sends_a_content_security_policy_without_unsafe_sources(client, make_problem):
    response = client.get(reverse("problemset:detail", args=[make_problem().slug]))
    assert response.status_code == 200 and "Content-Security-Policy-Report-Only" not in response.headers
    csp = csp_directives(response)
    assert csp["default-src"] == ["'self'"] and csp["script-src"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"] and csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"] and csp["frame-ancestors"] == ["'none'"] and csp["form-action"] == ["'self'"]
    # Styles: our files and this response's nonce, which the page hands to CodeMirror.
    nonce = next(v for v in csp["style-src"] if v.startswith("'nonce-"))[len("'nonce-"):-1]
    assert csp["style-src"] == ["'self'", f"'nonce-{nonce}'"]
    assert f'<meta name="csp-nonce" content="{nonce}">' in response.content.decode()
    # Only style="" attributes may be inline (the browser's editing engine writes them in the editor).
    assert csp["style-src-attr"] == ["'unsafe-inline'"]
    assert not any("unsafe" in v for name, values in csp.items() if name != "style-src-attr" for v in values)


@pytest.mark.django_db
def test_it_sends_the_other_security_headers(client):
    response = client.get(reverse("problemset:catalogue"))
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "Content-Security-Policy" in response.headers


@pytest.mark.django_db
def test_it_sends_the_policy_on_error_pages_too(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def _prod(code: str, **env) -> subprocess.CompletedProcess:
    """Runs code in a fresh interpreter with the production settings loaded (import errors exit non-zero)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("MLJUDGE_", "DJANGO_"))}
    base.update(PROD_ENV, PYTHONPATH=str(ROOT / "platform"), **env)
    return subprocess.run([sys.executable, "-c", f"import django; django.setup(); {code}"], cwd=ROOT, env=base,
                          capture_output=True, text=True, timeout=120, check=False)


def _prod_settings(*names: str, **env) -> dict:
    code = ("import json; from django.conf import settings as s; "
            f"print(json.dumps({{n: getattr(s, n) for n in {list(names)!r}}}))")
    result = _prod(code, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


HTTPS_SETTINGS = ("SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD",
                  "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_CONTENT_TYPE_NOSNIFF",
                  "SECURE_REFERRER_POLICY", "X_FRAME_OPTIONS", "CSRF_FAILURE_VIEW")


def test_production_sends_hsts_for_a_year_and_secure_cookies_by_default():
    values = _prod_settings(*HTTPS_SETTINGS)
    assert values == {
        "SECURE_HSTS_SECONDS": 365 * 24 * 3600, "SECURE_HSTS_INCLUDE_SUBDOMAINS": True, "SECURE_HSTS_PRELOAD": False,
        "SECURE_SSL_REDIRECT": False, "SESSION_COOKIE_SECURE": True, "CSRF_COOKIE_SECURE": True,
        "SECURE_CONTENT_TYPE_NOSNIFF": True, "SECURE_REFERRER_POLICY": "same-origin", "X_FRAME_OPTIONS": "DENY",
        "CSRF_FAILURE_VIEW": "mljudge.core.views.csrf_failure",
    }


def test_production_https_settings_come_from_the_environment():
    values = _prod_settings(*HTTPS_SETTINGS, MLJUDGE_HSTS_SECONDS="600", MLJUDGE_HSTS_INCLUDE_SUBDOMAINS="0",
                            MLJUDGE_HSTS_PRELOAD="1", MLJUDGE_SSL_REDIRECT="yes")
    assert (values["SECURE_HSTS_SECONDS"], values["SECURE_HSTS_INCLUDE_SUBDOMAINS"], values["SECURE_HSTS_PRELOAD"],
            values["SECURE_SSL_REDIRECT"]) == (600, False, True, True)
    typo = _prod("pass", MLJUDGE_SSL_REDIRECT="ture")
    assert typo.returncode != 0 and "MLJUDGE_SSL_REDIRECT='ture' is not a boolean" in typo.stderr


def test_production_refuses_the_local_sandbox():
    refused = _prod("pass", MLJUDGE_SANDBOX="local")
    assert refused.returncode != 0
    assert "ImproperlyConfigured" in refused.stderr and "MLJUDGE_SANDBOX=local" in refused.stderr
    assert _prod("pass", MLJUDGE_SANDBOX="docker").returncode == 0


@pytest.mark.django_db
def test_it_shows_a_non_reviewer_the_styled_403_page(client, make_user):
    client.force_login(make_user())
    response = client.get(reverse("review:dashboard"))
    body = response.content.decode()
    assert response.status_code == 403
    assert 'data-testid="error-page"' in body and "You do not have access to this page" in body
    assert 'href="/static/mljudge/app.css"' in body  # the site's page, not bare text


@pytest.mark.django_db
def test_it_answers_htmx_with_a_403_fragment_for_the_panel(client, make_user):
    client.force_login(make_user())
    response = client.get(reverse("review:dashboard"), **HTMX)
    body = response.content.decode()
    assert response.status_code == 403 and 'data-testid="refused"' in body and "<html" not in body


@pytest.mark.django_db
def test_it_shows_the_styled_404_page(client):
    response = client.get("/problems/no-such-problem/")
    body = response.content.decode()
    assert response.status_code == 404
    assert 'data-testid="error-page"' in body and "There is nothing at this address" in body
    assert "No Problem matches" not in body  # the exception's text is not for users


@pytest.mark.django_db
def test_it_explains_a_csrf_failure_on_a_styled_page(make_user, make_problem):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user())
    response = client.post(reverse("submissions:run", args=[make_problem().slug]), {"source": "x = 1\n"})
    body = response.content.decode()
    assert response.status_code == 403
    assert 'data-testid="error-page"' in body and "Reload the page and try again" in body
    assert "CSRF verification failed" not in body


def test_the_500_page_needs_neither_the_database_nor_a_user():
    """No django_db mark: any database query while rendering it fails this test."""
    from django.views.defaults import server_error

    response = server_error(RequestFactory().get("/"))
    body = response.content.decode()
    assert response.status_code == 500
    assert 'data-testid="error-page"' in body and "Something went wrong on our side" in body
