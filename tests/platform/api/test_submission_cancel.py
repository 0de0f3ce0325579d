"""POST /api/v1/submissions/{id}/cancel: the page's Cancel button for API clients (submit scope, own only)."""
from __future__ import annotations

import pytest

from .conftest import error_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(make_user, make_problem, make_submission):
    return make_submission(make_user("owner"), make_problem())


def test_the_api_cancels_with_the_submit_scope(api_client, queued):
    read_only = api_client(queued.user, scopes=("read",))
    assert read_only.post(f"/submissions/{queued.id}/cancel").status_code == 403
    api = api_client(queued.user)
    response = api.post(f"/submissions/{queued.id}/cancel")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "cancelled" and response.json()["final"] is True
    again = api.post(f"/submissions/{queued.id}/cancel")
    assert again.status_code == 400 and error_of(again)["reason"] == "not_cancellable"
    assert api.post("/submissions/999999/cancel").status_code == 404
