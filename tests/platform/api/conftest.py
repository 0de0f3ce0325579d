"""Fixtures for the API's tests: tokens with chosen scopes, and a client that sends one."""
from __future__ import annotations

import json

import pytest


class ApiClient:
    """Django's test client speaking to /api/v1 with a bearer token (or none); .json() parses strictly."""

    def __init__(self, client, secret: str | None):
        self.client = client
        self.secret = secret

    def _headers(self, headers: dict | None) -> dict:
        out = dict(headers or {})
        if self.secret is not None:
            out.setdefault("Authorization", f"Bearer {self.secret}")
        return out

    def get(self, path: str, params: dict | None = None, headers: dict | None = None):
        return self.client.get(f"/api/v1{path}", params or {}, headers=self._headers(headers))

    def post(self, path: str, body=None, headers: dict | None = None, raw: bytes | None = None,
             content_type: str = "application/json"):
        data = raw if raw is not None else json.dumps(body if body is not None else {})
        return self.client.post(f"/api/v1{path}", data, content_type=content_type, headers=self._headers(headers))

    def put(self, path: str, body=None, headers: dict | None = None):
        return self.client.put(f"/api/v1{path}", json.dumps(body if body is not None else {}),
                               content_type="application/json", headers=self._headers(headers))

    def delete(self, path: str, headers: dict | None = None):
        return self.client.delete(f"/api/v1{path}", headers=self._headers(headers))


@pytest.fixture
def make_token(db):
    from mljudge.api.services import token_create

    def make(user, scopes=("read", "submit"), *, name="test", expires_in_days=None):
        return token_create(user=user, name=name, scopes=list(scopes), expires_in_days=expires_in_days).secret

    return make


@pytest.fixture
def api_client(client, make_token):
    """api_client(user, scopes) → an ApiClient with a fresh token of the user's with those scopes."""

    def make(user=None, scopes=("read", "submit")):
        return ApiClient(client, None if user is None else make_token(user, scopes))

    return make


def error_of(response) -> dict:
    """The API's one error shape, checked: {"error": {"reason", "message", "status"}} with the HTTP status."""
    body = response.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert {"reason", "message", "status"} <= set(error), error
    assert error["status"] == response.status_code
    assert error["message"]
    return error
