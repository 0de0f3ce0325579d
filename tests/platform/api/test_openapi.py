"""The committed OpenAPI document (docs/openapi.json) is what the code generates, and the docs pages serve."""
from __future__ import annotations

import json

import pytest

from mljudge.api.openapi import COMMITTED, document
from mljudge.api.models import Scope


def test_the_committed_document_is_current():
    assert COMMITTED.exists(), "docs/openapi.json is missing: run `.venv/bin/python manage.py openapi_document`"
    assert COMMITTED.read_text() == document(), (
        "docs/openapi.json drifted from the endpoints: run `.venv/bin/python manage.py openapi_document` and "
        "commit the result (and say what changed for API users in docs/api.md)")


def test_every_operation_declares_its_auth_and_lives_under_v1():
    schema = json.loads(document())
    assert schema["openapi"].startswith("3.")
    operations = [(path, method, op) for path, methods in schema["paths"].items() for method, op in methods.items()]
    assert operations
    for path, method, op in operations:
        assert path.startswith("/api/v1/"), path
        assert op.get("security"), f"{method.upper()} {path} has no auth: every operation needs a token or session"


@pytest.mark.django_db
def test_the_served_document_is_the_committed_one(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert json.loads(response.content, object_pairs_hook=_no_duplicate_keys) == json.loads(COMMITTED.read_text())


def _no_duplicate_keys(pairs):
    # Swagger UI refuses a document with a key twice (e.g. response 200 as an int and as "200").
    keys = [key for key, _ in pairs]
    assert len(keys) == len(set(keys)), f"duplicate keys in the served document: {keys}"
    return dict(pairs)


@pytest.mark.django_db
def test_the_docs_page_is_served_from_our_own_static_files(client):
    html = client.get("/api/v1/docs").content.decode()
    assert "swagger-ui-bundle.js" in html and "/static/" in html
    assert "cdn" not in html.lower()


def test_scopes_are_documented():
    text = json.loads(document())["info"]["description"]
    for scope in Scope.values:
        assert f"`{scope}`" in text, scope
