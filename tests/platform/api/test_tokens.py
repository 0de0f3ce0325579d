"""Personal access tokens: shown once, stored hashed, scoped, expiring, revocable, logged."""
from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mljudge.api.models import ApiToken, ApiTokenUse
from mljudge.api.services import token_create

from .conftest import ApiClient, error_of

pytestmark = pytest.mark.django_db


def test_it_stores_only_a_hash_of_the_token(make_user):
    user = make_user()
    new = token_create(user=user, name="laptop", scopes=["read"], expires_in_days=30)
    row = ApiToken.objects.get(id=new.token.id)
    assert new.secret.startswith("mlj_") and len(new.secret) > 40
    assert new.secret not in {row.digest, row.prefix, row.name}
    assert row.prefix == new.secret[:12]
    assert timedelta(days=29) < row.expires_at - timezone.now() <= timedelta(days=30)


def test_it_shows_the_secret_once_on_the_page(client, make_user):
    user = make_user()
    client.force_login(user)
    response = client.post("/accounts/tokens/", {"name": "ci", "scopes": ["read", "submit"],
                                                  "expires_in_days": "7"})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    secret = response.context["created"].secret
    assert secret in response.content.decode()
    again = client.get("/accounts/tokens/")
    assert secret not in again.content.decode()
    assert ApiToken.objects.get(user=user).prefix in again.content.decode()


@pytest.mark.parametrize("form, words", [
    ({"name": "", "scopes": ["read"]}, "Give the token a name"),
    ({"name": "x" * 101, "scopes": ["read"]}, "at most 100"),
    ({"name": "x", "scopes": []}, "at least one scope"),
    ({"name": "x", "scopes": ["root"]}, "Unknown scope"),
    ({"name": "x", "scopes": ["read"], "expires_in_days": "3650"}, "expiry"),
    ({"name": "x", "scopes": ["read"], "expires_in_days": "soon"}, "expiry"),
])
def test_it_refuses_bad_token_forms_with_the_reason(client, make_user, form, words):
    user = make_user()
    client.force_login(user)
    response = client.post("/accounts/tokens/", form, follow=True)
    assert words in response.content.decode()
    assert not ApiToken.objects.filter(user=user).exists()


def test_it_caps_active_tokens(make_user, settings):
    user = make_user()
    for n in range(settings.MLJUDGE_MAX_API_TOKENS):
        token_create(user=user, name=f"t{n}", scopes=["read"], expires_in_days=None)
    with pytest.raises(ValueError, match="revoke one first"):
        token_create(user=user, name="one more", scopes=["read"], expires_in_days=None)


def test_a_token_authenticates_until_revoked(client, make_user, make_token):
    user = make_user()
    secret = make_token(user, ["read"])
    api = ApiClient(client, secret)
    assert api.get("/whoami").json()["username"] == user.username
    token = ApiToken.objects.get(user=user)
    client.force_login(user)
    client.post(f"/accounts/tokens/{token.id}/revoke/")
    client.logout()
    response = api.get("/whoami")
    assert response.status_code == 401 and error_of(response)["reason"] == "token_invalid"


def test_another_users_token_cannot_be_revoked(client, make_user, make_token):
    owner, other = make_user(), make_user()
    make_token(owner, ["read"])
    token = ApiToken.objects.get(user=owner)
    client.force_login(other)
    client.post(f"/accounts/tokens/{token.id}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is None


def test_an_expired_token_is_refused_saying_so(client, make_user, make_token):
    user = make_user()
    secret = make_token(user, ["read"], expires_in_days=7)
    ApiToken.objects.filter(user=user).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = ApiClient(client, secret).get("/whoami")
    assert response.status_code == 401
    error = error_of(response)
    assert error["reason"] == "token_expired" and "expired on" in error["message"]


@pytest.mark.parametrize("header", ["Bearer mlj_not-a-real-token", "Bearer " + "x" * 5000, "Bearer ",
                                    "Basic dXNlcjpwYXNz", "Bearer mlj_\u00e9\u0000"])
def test_bad_credentials_get_a_401_in_the_error_shape(client, header):
    response = client.get("/api/v1/whoami", headers={"Authorization": header})
    assert response.status_code == 401
    assert error_of(response)["reason"] in {"token_invalid", "unauthenticated"}


def test_an_inactive_users_token_is_refused(client, make_user, make_token):
    user = make_user()
    secret = make_token(user, ["read"])
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert ApiClient(client, secret).get("/whoami").status_code == 401


def test_whoami_names_the_token_and_its_scopes(client, make_user, make_token):
    user = make_user(display_name="Ada L.")
    body = ApiClient(client, make_token(user, ["read", "review"], name="cli")).get("/whoami").json()
    assert body["display_name"] == "Ada L."
    assert body["token"]["name"] == "cli" and body["token"]["scopes"] == ["read", "review"]
    assert body["is_reviewer"] is False


def test_the_session_works_for_the_sites_own_javascript(client, make_user):
    user = make_user()
    client.force_login(user)
    body = client.get("/api/v1/whoami").json()
    assert body["username"] == user.username and body["token"] is None


def test_each_use_is_logged_with_its_status(client, make_user, make_token):
    user = make_user()
    api = ApiClient(client, make_token(user, ["read"]))
    api.get("/whoami")
    api.get("/submissions/999999")
    uses = list(ApiTokenUse.objects.filter(token__user=user).order_by("at", "id"))
    assert [(u.method, u.path, u.status) for u in uses][:1] == [("GET", "/api/v1/whoami", 200)]
    assert ApiToken.objects.get(user=user).last_used_at is not None
    client.force_login(user)
    assert "/api/v1/whoami" in client.get("/accounts/tokens/").content.decode()


def test_a_bad_token_never_falls_back_to_the_session(client, make_user):
    client.force_login(make_user())
    response = client.get("/api/v1/whoami", headers={"Authorization": "Bearer mlj_revoked-or-mistyped"})
    assert response.status_code == 401 and error_of(response)["reason"] == "token_invalid"


def test_session_writes_need_the_csrf_token(make_user):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(make_user())
    response = strict.post("/api/v1/problems/toy/submissions", {"source": "x = 1\n", "mode": "run"},
                           content_type="application/json")
    assert response.status_code == 403 and error_of(response)["reason"] == "form_expired"
