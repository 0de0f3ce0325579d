"""POST /authoring/syncs and GET /authoring/syncs/{id}: the authors' page's sync (queued for a worker on the
rejudge queue), with its permission and its "authoring-sync" rate limit, behind the `author` scope."""
from __future__ import annotations


import pytest
from django.contrib.auth.models import Group

from mljudge.authoring import services
from mljudge.authoring.models import SyncRun, SyncStatus
from mljudge.core.ratelimits import LIMITS

from ..authoring.conftest import bank  # noqa: F401
from .classroom import rate_limits, rejudge_queue  # noqa: F401
from .conftest import error_of

pytestmark = [pytest.mark.django_db, pytest.mark.services]


@pytest.fixture
def author(make_user):
    user = make_user("auth")
    user.groups.add(Group.objects.get(name="author"))
    return user


def test_it_queues_a_sync_and_reports_it_until_done(api_client, author, bank, rejudge_queue,
                                                    django_capture_on_commit_callbacks):
    api = api_client(author, ("author",))
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post("/authoring/syncs", {"sandbox_check": False})
    assert response.status_code == 202
    started = response.json()
    assert started["status"] == "queued" and started["created"] is True
    assert started["url"] == f"/api/v1/authoring/syncs/{started['id']}"
    assert [m["headers"]["task"] for m in rejudge_queue()] == ["mljudge.authoring.tasks.sync_run_task"]
    run = SyncRun.objects.get(id=started["id"])
    assert run.requested_by == author and run.root == str(bank) and run.sandbox_check is False
    path = started["url"].removeprefix("/api/v1")
    queued = api.get(path).json()
    assert queued["status"] == "queued" and queued["final"] is False and queued["report"] is None

    services.sync_run_execute(run_id=run.id)   # what the worker does
    done = api.get(path).json()
    assert done["status"] == "done" and done["final"] is True and done["requested_by"] == "auth"
    assert done["report"]["ok"] is True and done["report"]["outcomes"] == {"vector-norm": "created"}
    assert done["report"]["invalid"] == {} and done["error"] == ""


def test_a_second_request_while_one_is_active_returns_that_one(api_client, author, bank):
    api = api_client(author, ("author",))
    first = api.post("/authoring/syncs", {"sandbox_check": True}).json()
    second = api.post("/authoring/syncs", {}).json()
    assert second["id"] == first["id"] and second["created"] is False
    assert SyncRun.objects.get().sandbox_check is True and SyncRun.objects.count() == 1


def test_a_failed_sync_says_why(api_client, author, bank):
    run, _ = services.sync_run_request(user=author, root=bank / "nowhere", enqueue=False)
    services.sync_run_execute(run_id=run.id)
    body = api_client(author, ("author",)).get(f"/authoring/syncs/{run.id}").json()
    assert body["status"] in (SyncStatus.DONE, SyncStatus.FAILED)
    assert body["final"] is True


@pytest.mark.parametrize("body", [{"sandbox_check": "yes"}, {"sandbox_check": 1}, {"sandbox_check": None},
                                  {"sandbox_check": [True]}])
def test_wrong_types_are_422(api_client, author, bank, body):
    response = api_client(author, ("author",)).post("/authoring/syncs", body)
    assert response.status_code == 422 and error_of(response)["reason"] == "invalid_request"
    assert not SyncRun.objects.exists()


def test_a_token_without_the_author_scope_is_refused(api_client, author, bank):
    api = api_client(author, ("read", "submit", "review"))
    run, _ = services.sync_run_request(user=author, root=bank, enqueue=False)
    for response in (api.post("/authoring/syncs", {}), api.get(f"/authoring/syncs/{run.id}")):
        assert response.status_code == 403 and error_of(response)["reason"] == "scope_missing"


def test_a_non_author_with_the_scope_is_not_allowed_as_on_the_page(api_client, make_user, author, bank):
    """The authors' page answers 403 (require_author) before it looks at any run, so the 403 is the same for a
    run that exists and one that does not: it confirms nothing."""
    api = api_client(make_user("solver"), ("read", "submit", "review", "author"))
    run, _ = services.sync_run_request(user=author, root=bank, enqueue=False)
    existing, missing = api.get(f"/authoring/syncs/{run.id}"), api.get("/authoring/syncs/999999")
    assert existing.status_code == 403 and error_of(existing)["reason"] == "not_allowed"
    assert existing.json() == missing.json()
    started = api.post("/authoring/syncs", {})
    assert started.status_code == 403 and SyncRun.objects.count() == 1


def test_an_unknown_run_is_404(api_client, author):
    response = api_client(author, ("author",)).get("/authoring/syncs/999999")
    assert response.status_code == 404 and error_of(response)["message"] == "No such sync run."


def test_the_authoring_sync_rate_limit_applies_to_the_api(api_client, author, bank, rate_limits):
    allowed = int(LIMITS["authoring-sync"].rules[0].rate.split("/")[0])
    api = api_client(author, ("author",))
    statuses = [api.post("/authoring/syncs", {}).status_code for _ in range(allowed + 1)]
    assert statuses == [202] * allowed + [429]
    refused = api.post("/authoring/syncs", {})
    error = error_of(refused)
    assert error["reason"] == "rate_limited" and "problem syncs" in error["message"]
    assert int(refused["Retry-After"]) > 0
