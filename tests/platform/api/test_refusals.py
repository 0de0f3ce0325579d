"""Every reason only the API gives (core.refusals.API_ONLY) is reached by a real request and answered with the
status and message core.refusals.REFUSALS holds for it, in the API's one error shape. Some are provoked where
their endpoints are tested: test_review.py (rubric_unknown_criterion, nothing_to_rejudge) and
test_webhooks.py (the four webhook_* reasons)."""
from __future__ import annotations

from contextlib import ExitStack
from datetime import timedelta

import pytest
from django.utils import timezone

from mljudge.api.models import ApiToken
from mljudge.core.refusals import API_ONLY, REFUSALS, Reason, Refused

from .conftest import ApiClient, error_of

pytestmark = pytest.mark.django_db
PROVOKED_ELSEWHERE = {Reason.RUBRIC_UNKNOWN_CRITERION, Reason.NOTHING_TO_REJUDGE,
                      # test_webhooks.py
                      Reason.WEBHOOK_NEEDS_TOKEN, Reason.WEBHOOK_URL_INVALID, Reason.WEBHOOK_URL_PRIVATE,
                      Reason.WEBHOOK_LIMIT}


def _expired(client, user, make_token):
    secret = make_token(user, ["read"])
    ApiToken.objects.filter(user=user).update(expires_at=timezone.now() - timedelta(minutes=1))
    return ApiClient(client, secret).get("/whoami"), {"expired": ApiToken.objects.get(user=user).expires_at
                                                      .strftime("%Y-%m-%d %H:%M UTC")}


CASES = {
    Reason.UNAUTHENTICATED: lambda c, u, t: (ApiClient(c, None).get("/whoami"), {}),
    Reason.TOKEN_INVALID: lambda c, u, t: (ApiClient(c, "mlj_" + "x" * 43).get("/whoami"), {}),
    Reason.TOKEN_EXPIRED: _expired,
    Reason.SCOPE_MISSING: lambda c, u, t: (ApiClient(c, t(u, ["read"])).post("/review/submissions/1/rejudge"),
                                           {"scope": "review"}),
    Reason.NOT_FOUND: lambda c, u, t: (ApiClient(c, t(u, ["review"])).get("/review/submissions/987654"),
                                       {"what": "submission"}),
    Reason.INVALID_REQUEST: lambda c, u, t: (ApiClient(c, t(u, ["review"])).get("/cohorts/1/export",
                                                                               {"format": "xlsx"}), None),
}


def _waiting(c, u, t):
    from mljudge.api.longpoll import MAX_WAITING, waiting_slot
    from mljudge.submissions.models import Mode, Status, Submission

    problem = _problem()
    submission = Submission.objects.create(user=u, problem=problem, mode=Mode.RUN, status=Status.QUEUED,
                                           source="x = 1\n", queued_at=timezone.now())
    with ExitStack() as stack:
        for _ in range(MAX_WAITING):   # the user's other waits, open elsewhere
            stack.enter_context(waiting_slot(user_id=u.pk))
        return ApiClient(c, t(u, ["read"])).get(f"/submissions/{submission.id}", {"wait": 5}), {"count": MAX_WAITING}


def _problem():
    from mljudge.problemset.services import ProblemData, problem_store

    return problem_store(data=ProblemData(slug="toy", title="Toy", kind="function", difficulty="easy", topics=[],
                                          statement_md="x", starter="", entry_point="f", declared_version=1,
                                          content_hash="h"))[0]


def _crash(c, u, t):
    from unittest import mock

    with mock.patch("mljudge.api.routes.me.is_reviewer", side_effect=RuntimeError("boom")):
        return ApiClient(c, t(u, ["read"])).get("/whoami"), {}


def _surrogate(c, u, t):
    raw = b'{"mode": "run", "source": "x = \\"\\ud800\\"\\n"}'
    _problem()
    return ApiClient(c, t(u, ["submit"])).post("/problems/toy/submissions", raw=raw), {"field": "source"}


def _latin1(c, u, t):
    raw = b'{"mode": "run", "source": "x = \'\xe9\'\\n"}'
    _problem()
    return ApiClient(c, t(u, ["submit"])).post("/problems/toy/submissions", raw=raw), {"position": raw.index(b"\xe9")}


CASES[Reason.WAIT_LIMIT] = _waiting
CASES[Reason.SERVER_ERROR] = _crash
CASES[Reason.TEXT_NOT_UNICODE] = _surrogate
CASES[Reason.BODY_NOT_UTF8] = _latin1


def test_every_api_only_reason_has_a_case():
    assert set(CASES) == API_ONLY - PROVOKED_ELSEWHERE


@pytest.mark.parametrize("reason", sorted(CASES), ids=str)
def test_it_answers_with_the_tables_status_and_message(client, make_user, make_token, reason):
    response, fields = CASES[reason](client, make_user(), make_token)
    error = error_of(response)
    assert (response.status_code, error["reason"]) == (REFUSALS[reason].status, reason.value)
    if fields is not None:
        assert error["message"] == str(Refused(reason, **fields))
    else:   # the validation detail names the offending field
        assert error["message"].startswith("The request is not valid: ") and "format" in error["message"]
        assert error["detail"] and error["detail"][0]["loc"][-1] == "format"
