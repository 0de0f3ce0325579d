"""Every refusal a user can meet takes its HTTP status and its message from one table (core.refusals.REFUSALS),
through the real views: for htmx a fragment shown in place, otherwise the message flashed on the page the view
redirects to, or the full page for the status (or, for the editor's draft autosave, a short text)."""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from dataclasses import dataclass, field

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from mljudge.core.refusals import API_ONLY, PAGES, REFUSALS, STATUSES_SHOWN_IN_PLACE, Reason, Refused
from mljudge.api.models import Scope
from mljudge.api.services import NAME_MAX as TOKEN_NAME_MAX
from mljudge.assessments.policy import MAX_CUTOFF_DAYS, MAX_POINTS, MOCK_LENGTHS
from mljudge.assessments.services import MAX_PROBLEMS
from mljudge.review.selectors import override_range_text
from mljudge.review.services import MAX_COMMENT, MAX_OVERRIDE_REASON
from mljudge.submissions.services import ANSWER_MAX_CHARS

import grader

from ..conftest import ROOT

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
SUBMITTED, DRAFTED = "Your code was not submitted", "Your draft was not saved"

# Guards of a service that no request can reach (the view never builds such a call, or only a race with
# grading.states gets there); the services' own tests raise them, test_throttling.py provokes the rate limits.
NOT_THROUGH_A_VIEW = {Reason.UNKNOWN_MODE, Reason.RUBRIC_INCOMPLETE, Reason.NOT_GRADED_YET, Reason.RATE_LIMITED,
                      Reason.NOT_AWAITING_REVIEW, Reason.ANSWER_NOT_GRADED,
                      # the problem page shows a locked editorial rather than asking for it (learning.selectors)
                      Reason.EDITORIAL_LOCKED}
# Reached through a view, but only over a real socket (a body shorter than its Content-Length):
# tests/platform/security/test_edge_input.py sends it to gunicorn.
SOCKET_LEVEL = {Reason.BODY_INCOMPLETE}
UNCLOSED_MULTIPART = b'--XyZ\r\nContent-Disposition: form-data; name="source"\r\n\r\nx = 1\r\n'


def grader_says(source) -> str:
    """What the grader says about a source (the detail in a SOURCE_* message)."""
    with pytest.raises(grader.SourceError) as info:
        grader.check_source(source)
    return str(info.value)


@dataclass
class Case:
    reason: Reason
    as_user: str                             # "ann" (a solver), "ada" (her instructor)
    post: Callable[[Client, dict, dict], object]   # (client, world, headers) → response
    fields: Callable[[dict], dict] = lambda w: {}
    shown: str = "flash"                     # without htmx: "flash" (302 + message), "page", or "plain"
    settings: dict = field(default_factory=dict)


def run(slug, data):
    return lambda c, w, h: c.post(reverse("submissions:run", args=[w[slug].slug]), data, **h)


def answer(slug, text):
    return lambda c, w, h: c.post(reverse("submissions:answer", args=[w[slug].slug]), {"answer": text}, **h)


def draft(slug, data):
    return lambda c, w, h: c.post(reverse("submissions:draft", args=[w[slug].slug]), data, **h)


def token(data):
    return lambda c, w, h: c.post(reverse("api:tokens"), data, **h)


def review(name, sub, data):
    return lambda c, w, h: c.post(reverse(f"review:{name}", args=[w[sub].id]), data, **h)


def assignment(data):
    return lambda c, w, h: c.post(reverse("assessments:new", args=[w["cohort"].id]), data, **h)


def extension(data):
    return lambda c, w, h: c.post(reverse("assessments:extension", args=[_assignment(w).id]), data, **h)


def mock(data, *, twice=False):
    def post(c, w, h):
        if twice:
            c.post(reverse("assessments:mock_home"), data)
        return c.post(reverse("assessments:mock_home"), data, **h)
    return post


def hint_in_a_mock(c, w, h):
    """ann starts a mock interview, then asks for a hint: locked while it runs."""
    c.post(reverse("assessments:mock_home"), {"minutes": "10", "coding": "1"})
    return c.post(reverse("learning:hint_next", args=["toy"]), **h)


def _assignment(w):
    """One assignment in ada's cohort, due at DUE (made on first use)."""
    from mljudge.assessments.services import AssignmentData, assignment_save

    if "assignment" not in w:
        w["assignment"] = assignment_save(instructor=w["ada"], cohort_id=w["cohort"].id, data=AssignmentData(
            title="Week 1", opens_at=DUE - timedelta(days=7), due_at=DUE, problems=[("toy", 10)]))
    return w["assignment"]


DUE = datetime(2030, 3, 1, 12, 0, tzinfo=timezone.utc)
TIMES = {"opens_at": "2030-02-01T10:00", "due_at": "2030-03-01T10:00"}
TOO_BIG = "#" * (grader.MAX_SOURCE_BYTES + 1)
CASES = [
    Case(Reason.NO_SOURCE, "ann", run("code", {})),
    Case(Reason.SOURCE_TOO_LARGE, "ann", run("code", {"source": TOO_BIG}),
         lambda w: {"not_done": SUBMITTED, "detail": grader_says(TOO_BIG)}),
    Case(Reason.SOURCE_NOT_UTF8, "ann", lambda c, w, h: c.post(
        reverse("submissions:run", args=["toy"]), data=b"source=x+%3D+%27%E9%27",
        content_type="application/x-www-form-urlencoded", **h),
         lambda w: {"not_done": SUBMITTED, "detail": grader_says(b"x = '\xe9'")}),
    Case(Reason.SOURCE_EMPTY, "ann", run("code", {"source": "  \n"}),
         lambda w: {"not_done": SUBMITTED, "detail": grader_says("  \n")}),
    Case(Reason.SOURCE_NUL, "ann", run("code", {"source": "x = 1\x00\n"}),
         lambda w: {"not_done": SUBMITTED, "detail": grader_says("x = 1\x00\n")}),
    Case(Reason.NOT_A_CODE_PROBLEM, "ann", run("essay", {"source": "x = 1\n"})),
    Case(Reason.NOT_A_DESIGN_PROBLEM, "ann", answer("code", "My plan.")),
    Case(Reason.ANSWER_EMPTY, "ann", answer("essay", "  ")),
    Case(Reason.ANSWER_NUL, "ann", answer("essay", "a\x00b")),
    Case(Reason.ANSWER_TOO_LONG, "ann", answer("essay", "a" * (ANSWER_MAX_CHARS + 1)),
         lambda w: {"length": ANSWER_MAX_CHARS + 1, "limit": ANSWER_MAX_CHARS}),
    Case(Reason.ANSWER_TOO_LONG, "ann", lambda c, w, h: c.post(
        reverse("submissions:preview"), {"answer": "a" * (ANSWER_MAX_CHARS + 1)}, **h),
         lambda w: {"length": ANSWER_MAX_CHARS + 1, "limit": ANSWER_MAX_CHARS}, shown="page"),
    Case(Reason.IN_FLIGHT, "ann", run("code", {"source": "x = 1\n"}), lambda w: {"in_flight": 0, "limit": 0},
         settings={"MLJUDGE_MAX_IN_FLIGHT": 0}),
    Case(Reason.DAILY_LIMIT, "ann", run("code", {"source": "x = 1\n"}), lambda w: {"limit": 2},
         settings={"MLJUDGE_DAILY_LIMIT": 2}),   # ann's graded submission and run of today
    Case(Reason.NOT_CANCELLABLE, "ann", lambda c, w, h: c.post(
        reverse("submissions:cancel", args=[w["submission"].id]), **h),
         lambda w: {"id": w["submission"].id, "status": "graded"}),
    Case(Reason.NO_SOURCE, "ann", draft("code", {}), shown="plain"),
    Case(Reason.SOURCE_TOO_LARGE, "ann", draft("code", {"source": TOO_BIG}),
         lambda w: {"not_done": DRAFTED, "detail": grader_says(TOO_BIG)}, shown="plain"),
    Case(Reason.SOURCE_NUL, "ann", draft("code", {"source": "x\x00"}),
         lambda w: {"not_done": DRAFTED, "detail": grader_says("x\x00")}, shown="plain"),
    Case(Reason.NOT_A_CODE_PROBLEM, "ann", draft("essay", {"source": "x = 1\n"}), shown="plain"),
    Case(Reason.COMMENT_EMPTY, "ada", review("comment", "submission", {"body": " "})),
    Case(Reason.COMMENT_EMPTY, "ann", review("comment", "submission", {"body": " ", "next": "own"})),
    Case(Reason.COMMENT_TOO_LONG, "ada", review("comment", "submission", {"body": "a" * (MAX_COMMENT + 1)}),
         lambda w: {"limit": MAX_COMMENT}),
    Case(Reason.COMMENT_NUL, "ada", review("comment", "submission", {"body": "a\x00"}),
         lambda w: {"limit": MAX_COMMENT}),
    Case(Reason.OVERRIDE_UNEXPLAINED, "ada", review("override", "submission", {"score": "0.9", "reason": " "})),
    Case(Reason.OVERRIDE_REASON_TOO_LONG, "ada", review("override", "submission", {
        "score": "0.9", "reason": "a" * (MAX_OVERRIDE_REASON + 1)}), lambda w: {"limit": MAX_OVERRIDE_REASON}),
    Case(Reason.OVERRIDE_REASON_NUL, "ada", review("override", "submission", {"score": "0.9", "reason": "a\x00"}),
         lambda w: {"limit": MAX_OVERRIDE_REASON}),
    Case(Reason.SCORE_NOT_A_NUMBER, "ada", review("override", "submission", {"score": "junk", "reason": "x"})),
    Case(Reason.SCORE_OUT_OF_RANGE, "ada", review("override", "submission", {"score": "nan", "reason": "x"}),
         lambda w: {"range": override_range_text(problem=w["code"])}),
    Case(Reason.RUN_HAS_NO_SCORE, "ada", review("override", "run", {"score": "1", "reason": "x"})),
    Case(Reason.NOT_A_DESIGN_ANSWER, "ada", review("rubric", "submission", {})),
    Case(Reason.NO_RUBRIC, "ada", review("rubric", "answer", {})),
    Case(Reason.POINTS_NOT_NUMBERS, "ada", review("rubric", "rubric_answer", {"points-0": "lots"})),
    Case(Reason.RUBRIC_COMMENT_NUL, "ada", review("rubric", "rubric_answer", {
        **{f"points-{i}": "0" for i in range(20)}, "comment-0": "a\x00"}),
         lambda w: {"criterion": _first_criterion(w)["criterion"]}),
    Case(Reason.POINTS_OUT_OF_RANGE, "ada", review("rubric", "rubric_answer", {
        f"points-{i}": "-1" for i in range(20)}), lambda w: _first_criterion(w)),
    Case(Reason.TOKEN_NAME_EMPTY, "ann", token({"name": " ", "scopes": ["read"]})),
    Case(Reason.TOKEN_NAME_TOO_LONG, "ann", token({"name": "n" * (TOKEN_NAME_MAX + 1), "scopes": ["read"]}),
         lambda w: {"limit": TOKEN_NAME_MAX}),
    Case(Reason.TOKEN_SCOPES_EMPTY, "ann", token({"name": "ci"})),
    Case(Reason.TOKEN_SCOPE_UNKNOWN, "ann", token({"name": "ci", "scopes": ["root"]}),
         lambda w: {"scope": "root", "known": ", ".join(Scope.values)}),
    Case(Reason.TOKEN_EXPIRY_INVALID, "ann", token({"name": "ci", "scopes": ["read"], "expires_in_days": "3650"})),
    Case(Reason.TOKEN_LIMIT, "ann", token({"name": "ci", "scopes": ["read"]}), lambda w: {"count": 0},
         settings={"MLJUDGE_MAX_API_TOKENS": 0}),
    Case(Reason.NO_MORE_HINTS, "ann", lambda c, w, h: c.post(reverse("learning:hint_next", args=["toy"]), **h),
         lambda w: {"total": 0}),
    Case(Reason.COHORT_UNNAMED, "ada", lambda c, w, h: c.post(reverse("cohorts:create"), {"name": " "}, **h)),
    Case(Reason.ONLY_INSTRUCTOR, "ada", lambda c, w, h: c.post(reverse("cohorts:leave", args=[w["cohort"].id]),
                                                               **h)),
    Case(Reason.ASSIGNMENT_UNTITLED, "ada", assignment({"title": " ", "problem": "toy", **TIMES})),
    Case(Reason.ASSIGNMENT_NO_PROBLEMS, "ada", assignment({"title": "W", **TIMES}), lambda w: {"limit": MAX_PROBLEMS}),
    Case(Reason.ASSIGNMENT_TIMES, "ada", assignment({"title": "W", "problem": "toy", "opens_at": "2030-02-01T10:00",
                                                     "due_at": "2030-01-01T10:00"})),
    Case(Reason.ASSIGNMENT_RULES, "ada", assignment({"title": "W", "problem": "toy", "points-toy": "0", **TIMES}),
         lambda w: {"max_points": MAX_POINTS, "max_days": MAX_CUTOFF_DAYS}),
    Case(Reason.ASSIGNMENT_UNKNOWN_PROBLEM, "ada", assignment({"title": "W", "problem": "nope", **TIMES}),
         lambda w: {"slug": "nope"}),
    Case(Reason.EXTENSION_NOT_MEMBER, "ada", extension({"username": "ada", "due_at": "2030-03-02T10:00"}),
         lambda w: {"username": "ada"}),
    Case(Reason.EXTENSION_TOO_EARLY, "ada", extension({"username": "ann", "due_at": "2030-03-01T11:00"}),
         lambda w: {"due": "2030-03-01 12:00"}),
    Case(Reason.MOCK_RUNNING, "ann", mock({"minutes": "10", "coding": "1"}, twice=True)),
    Case(Reason.MOCK_CHOICE, "ann", mock({"minutes": "7", "coding": "1"}),
         lambda w: {"lengths": ", ".join(map(str, MOCK_LENGTHS))}),
    Case(Reason.LOCKED_IN_MOCK, "ann", hint_in_a_mock),
    Case(Reason.MOCK_NOTHING_TO_DRAW, "ann", mock({"minutes": "10", "coding": "1", "difficulty": "hard"})),
    Case(Reason.FORM_EXPIRED, "ann", lambda c, w, h: _without_csrf_token(w["ann"]).post(
        reverse("submissions:run", args=["toy"]), {"source": "x = 1\n"}, **h), shown="page"),
    Case(Reason.NOT_ALLOWED, "ann", lambda c, w, h: c.get(reverse("review:dashboard"), **h), shown="page"),
    Case(Reason.BAD_REQUEST, "ann", lambda c, w, h: c.post(reverse("submissions:preview"),
                                                           {f"f{i}": "x" for i in range(20)}, **h),
         shown="page", settings={"DATA_UPLOAD_MAX_NUMBER_FIELDS": 10}),
    Case(Reason.FORM_MALFORMED, "ann", lambda c, w, h: c.post(
        reverse("submissions:run", args=["toy"]), data=UNCLOSED_MULTIPART,
        content_type="multipart/form-data; boundary=XyZ", **h),
         lambda w: {"detail": "it ends without its closing multipart boundary (was the upload cut short?)"}),
    # Any form, not only the code's: a design answer in latin-1 (é = 0xE9) is refused, not stored as U+FFFD.
    Case(Reason.FORM_NOT_UTF8, "ann", lambda c, w, h: c.post(
        reverse("submissions:answer", args=[w["essay"].slug]), data=b"answer=caf%E9",
        content_type="application/x-www-form-urlencoded", **h), lambda w: {"field": "answer", "position": 3},
         shown="page"),
    Case(Reason.FORM_TOO_LARGE, "ada", review("comment", "submission", {"body": "a" * 2_000}),
         lambda w: {"limit": 1_000}, shown="page", settings={"DATA_UPLOAD_MAX_MEMORY_SIZE": 1_000}),
]


def _without_csrf_token(user) -> Client:
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    return strict


def _first_criterion(world) -> dict:
    from mljudge.grading.api import problem_rubric
    from mljudge.problemset.models import Problem

    first = problem_rubric(folder=ROOT / "problems" / "recsys-design")[0]
    assert Problem.objects.filter(slug="recsys-design").exists()
    return {"criterion": first["name"], "points": first["points"]}


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "plain-form"])
@pytest.mark.parametrize("case", CASES, ids=[f"{c.reason}-{i}" for i, c in enumerate(CASES)])
def test_it_answers_each_refusal_with_the_status_and_message_of_its_reason(client, world, settings, case, htmx):
    for name, value in case.settings.items():
        setattr(settings, name, value)
    client.force_login(world[case.as_user])
    response = case.post(client, world, HTMX if htmx else {})
    rule = REFUSALS[case.reason]
    message = str(Refused(case.reason, **case.fields(world)))
    body = response.content.decode()
    if case.shown == "plain":
        assert (response.status_code, response["Content-Type"], body) == (rule.status, "text/plain", message)
    elif htmx:
        assert response.status_code == rule.status, body[:500]
        assert body.strip() == f'<div class="refused" role="alert" data-testid="refused">{escape(message)}</div>'
    elif case.shown == "page":
        assert response.status_code == rule.status, body[:500]
        assert escape(message) in body and "<html" in body
    else:
        assert response.status_code == 302, body[:500]
        assert escape(message) in client.get(response.url).content.decode()


def test_every_reason_has_a_rule_a_page_and_a_case_here():
    assert set(REFUSALS) == set(Reason)
    assert {rule.status for reason, rule in REFUSALS.items() if reason not in API_ONLY} <= set(PAGES)
    assert {c.reason for c in CASES} == set(Reason) - NOT_THROUGH_A_VIEW - API_ONLY - SOCKET_LEVEL


def test_it_refuses_what_is_too_large_with_413_quotas_with_429_and_the_rest_as_bad_requests():
    by_status = {status: {r for r, rule in REFUSALS.items() if rule.status == status and r not in API_ONLY}
                 for status in PAGES}
    assert by_status[413] == {Reason.SOURCE_TOO_LARGE, Reason.ANSWER_TOO_LONG, Reason.COMMENT_TOO_LONG,
                              Reason.OVERRIDE_REASON_TOO_LONG, Reason.FORM_TOO_LARGE}
    assert by_status[429] == {Reason.IN_FLIGHT, Reason.DAILY_LIMIT, Reason.RATE_LIMITED}
    assert by_status[403] == {Reason.NOT_ALLOWED, Reason.FORM_EXPIRED, Reason.ONLY_INSTRUCTOR, Reason.EDITORIAL_LOCKED}
    assert Reason.NOT_A_CODE_PROBLEM in by_status[400]   # it was a 429, as if a quota


def test_main_js_shows_in_place_exactly_the_statuses_of_the_table():
    source = (ROOT / "platform" / "frontend" / "src" / "main.js").read_text()
    rules = re.findall(r'\{ code: "([^"]+)", swap: true, error: false \}', source)
    assert len(rules) == 1, "main.js responseHandling: one rule swaps refusals in place"
    shown = {status for status in range(400, 500) if re.fullmatch(rules[0], str(status))}
    assert shown == set(STATUSES_SHOWN_IN_PLACE)


def test_the_editor_shows_every_refusal_a_draft_can_get():
    # editor.js shows the text of a 400 or 413 as the reason; anything else reads as "logged out?".
    source = (ROOT / "platform" / "frontend" / "src" / "editor.js").read_text()
    shown = {int(s) for s in re.findall(r"response\.status === (\d{3})", source)}
    drafts = {c.reason for c in CASES if c.shown == "plain"} | {Reason.SOURCE_NOT_UTF8, Reason.SOURCE_EMPTY}
    assert {REFUSALS[r].status for r in drafts} <= shown
