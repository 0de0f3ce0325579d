"""POST /problems/{slug}/submissions and /answers, GET /submissions/{id} (with its long-poll) and GET /submissions:
the pages' services (quotas, source checks, visibility), and only the solver view of a report."""
from __future__ import annotations

import json
import socket
import threading
import time

import grader
import pytest
from django.db import connection

from mljudge.cohorts.models import CodeAccess
from mljudge.core.refusals import Reason, Refused
from mljudge.grading.api import MAX_SOURCE_BYTES, source_too_big
from mljudge.grading.reports import solver_report
from mljudge.submissions.models import Mode, Status, Submission, Verdict

from ..reports import hidden, public, report
from .conftest import error_of

pytestmark = pytest.mark.django_db

CODE = "def f(x):\n    return x * x\n"
# A graded report whose hidden tests carry everything the full report keeps: none of it may reach a solver.
SECRETS = ("secret-case-name", "SECRET_INPUT_7731", "SECRET_EXPECTED_4409", "SECRET_GOT_1207", "SECRET_MESSAGE_5581")


def graded_report() -> dict:
    return report(
        public("example-1", input="x=2", expected="4", got="4"),
        hidden("secret-case-name", verdict=Verdict.WRONG_ANSWER, input="SECRET_INPUT_7731",
               expected="SECRET_EXPECTED_4409", got="SECRET_GOT_1207", message="SECRET_MESSAGE_5581", time_s=0.0123),
        hidden("another-hidden", time_s=0.0042))


@pytest.fixture
def toy(make_problem):
    return make_problem("toy")


@pytest.fixture
def essay(make_problem):
    return make_problem("essay", kind="design")


def submit(api, slug="toy", **body):
    return api.post(f"/problems/{slug}/submissions", {"source": CODE, "mode": "submit", **body})


# --- creating ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("mode", [Mode.RUN, Mode.SUBMIT])
def test_it_stores_and_queues_code(api_client, make_user, toy, grade_delay, django_capture_on_commit_callbacks,
                                   mode):
    user = make_user()
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(api_client(user, ["submit"]), mode=mode.value)
    assert response.status_code == 201, response.content
    body = response.json()
    row = Submission.objects.get(id=body["id"])
    assert (row.user, row.problem, row.mode, row.status, row.source) == (user, toy, mode, Status.QUEUED, CODE)
    assert body == {"id": row.id, "status": "queued", "mode": mode.value, "queue_position": 0,
                    "url": f"/api/v1/submissions/{row.id}"}
    grade_delay.assert_called_once()


def test_it_keeps_any_unicode_and_normalises_line_ends(api_client, make_user, toy, grade_delay):
    source = "# ünïcødé 注意 🙂 \u202e\r\ndef f(x):\r\n    return '🙂' * x\r\n"
    response = submit(api_client(make_user(), ["submit"]), source=source)
    assert response.status_code == 201
    assert Submission.objects.get(id=response.json()["id"]).source == source.replace("\r\n", "\n")


def test_it_takes_design_answers(api_client, make_user, essay):
    response = api_client(make_user(), ["submit"]).post("/problems/essay/answers", {"answer": "# Plan\n\n注意 $x$"})
    assert response.status_code == 201
    row = Submission.objects.get(id=response.json()["id"])
    assert (row.mode, row.status) == (Mode.DESIGN, Status.AWAITING_REVIEW) and "<h1>Plan</h1>" in row.answer_html
    assert response.json()["status"] == "awaiting_review" and response.json()["queue_position"] is None


@pytest.mark.parametrize("body, status, reason", [
    ({"source": "x" * (MAX_SOURCE_BYTES + 1)}, 413, "source_too_large"),
    ({"source": "def f(x):\n    return x\x00\n"}, 400, "source_nul"),
    ({"source": "  \n\t "}, 400, "source_empty"),
    ({"source": "def f(x):\n    return '\ud800'\n"}, 400, "text_not_unicode"),   # a lone surrogate
    ({"source": "def f(x):\n    return '\udcff'\n"}, 400, "text_not_unicode"),
])
def test_it_refuses_code_the_pages_refuse(api_client, make_user, toy, grade_delay, body, status, reason):
    response = submit(api_client(make_user(), ["submit"]), **body)
    assert response.status_code == status and error_of(response)["reason"] == reason
    assert not Submission.objects.exists() and not grade_delay.called


def test_a_lone_surrogate_in_the_raw_json_is_a_400(api_client, make_user, toy):
    raw = b'{"mode": "run", "source": "def f(x):\\n    return \\"\\ud800\\"\\n"}'
    response = api_client(make_user(), ["submit"]).post("/problems/toy/submissions", raw=raw)
    assert response.status_code == 400 and error_of(response)["reason"] == "text_not_unicode"
    assert "in source." in error_of(response)["message"]


def test_a_body_too_large_to_read_is_a_json_413(api_client, make_user, toy, settings):
    body = json.dumps({"mode": "submit", "source": "#" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10)}).encode()
    response = api_client(make_user(), ["submit"]).post("/problems/toy/submissions", raw=body)
    assert response.status_code == 413 and error_of(response)["reason"] == "source_too_large"
    assert response["Content-Type"].startswith("application/json") and not Submission.objects.exists()
    # Refused before the body was read (Django's RequestDataTooBig), not by the source check after parsing it.
    assert error_of(response)["message"] == str(source_too_big())


@pytest.mark.parametrize("raw", [
    b'{"source": 42, "mode": "run"}', b'{"source": ["a"], "mode": "run"}', b'{"source": null, "mode": "run"}',
    b'{"mode": "run"}', b'{"source": "x"}', b'{"source": "x", "mode": "grade"}', b'{"source": "x", "mode": "design"}',
    b'{"source": "x", "mode": 1}', b'[]', b'"source"', b'{"source": "x", "mode": "run"', b'',
])
def test_it_refuses_bodies_that_do_not_fit_with_422(api_client, make_user, toy, raw):
    response = api_client(make_user(), ["submit"]).post("/problems/toy/submissions", raw=raw)
    assert response.status_code in (400, 422), response.content
    assert error_of(response)["reason"] == "invalid_request" and not Submission.objects.exists()


@pytest.mark.parametrize("raw", [b'\xff\xfe', '{"source": "x", "mode": "run"}'.encode("utf-16"),
                                 b'{"source": "x = \'\xe9\'", "mode": "run"}'])
def test_it_refuses_a_body_that_is_not_utf8_with_400(api_client, make_user, toy, raw):
    response = api_client(make_user(), ["submit"]).post("/problems/toy/submissions", raw=raw)
    assert response.status_code == 400 and error_of(response)["reason"] == "body_not_utf8"
    assert not Submission.objects.exists()


@pytest.mark.parametrize("answer, status, reason", [
    ("", 400, "answer_empty"), ("a\x00b", 400, "answer_nul"), ("a" * 8001, 413, "answer_too_long"),
    ("lone \ud800 surrogate", 400, "text_not_unicode"),
])
def test_it_refuses_answers_the_pages_refuse(api_client, make_user, essay, answer, status, reason):
    response = api_client(make_user(), ["submit"]).post("/problems/essay/answers", {"answer": answer})
    assert response.status_code == status and error_of(response)["reason"] == reason
    assert not Submission.objects.exists()


def test_code_and_answers_go_only_to_their_kind_of_problem(api_client, make_user, toy, essay):
    api = api_client(make_user(), ["submit"])
    response = submit(api, "essay")
    assert response.status_code == 400 and error_of(response)["reason"] == "not_a_code_problem"
    response = api.post("/problems/toy/answers", {"answer": "text"})
    assert response.status_code == 400 and error_of(response)["reason"] == "not_a_design_problem"
    response = submit(api, "no-such-problem")
    assert response.status_code == 404 and error_of(response)["message"] == "No such problem."


def test_the_quotas_are_the_pages_429s(api_client, make_user, make_submission, toy, settings, grade_delay):
    user = make_user()
    api = api_client(user, ["submit"])
    settings.MLJUDGE_MAX_IN_FLIGHT = 1
    make_submission(user, toy, status=Status.RUNNING)
    response = submit(api)
    assert response.status_code == 429 and error_of(response)["reason"] == "in_flight"
    assert error_of(response)["message"] == str(Refused(Reason.IN_FLIGHT, in_flight=1, limit=1))
    Submission.objects.update(status=Status.GRADED)
    settings.MLJUDGE_DAILY_LIMIT = 1
    response = api.post("/problems/toy/submissions", {"source": CODE, "mode": "run"})
    assert response.status_code == 429 and error_of(response)["reason"] == "daily_limit"
    assert error_of(response)["message"] == str(Refused(Reason.DAILY_LIMIT, limit=1))
    assert Submission.objects.count() == 1


def test_writing_needs_the_submit_scope(api_client, make_user, toy, essay):
    api = api_client(make_user(), ["read"])
    for response in (submit(api), api.post("/problems/essay/answers", {"answer": "text"})):
        assert response.status_code == 403 and error_of(response)["reason"] == "scope_missing"
    assert submit(api_client(None)).status_code == 401
    assert not Submission.objects.exists()


# --- reading -----------------------------------------------------------------------------------------

def test_a_graded_submission_shows_only_the_solver_view(api_client, make_user, make_submission, toy):
    user = make_user()
    submission = make_submission(user, toy, status=Status.GRADED, verdict=Verdict.WRONG_ANSWER, score=2 / 3,
                                 passed=2, total=3, time_s=0.0185, report=graded_report())
    response = api_client(user, ["read"]).get(f"/submissions/{submission.id}")
    assert response.status_code == 200
    body = response.json()
    for secret in SECRETS:
        assert secret not in response.content.decode() and secret not in json.dumps(body)
    assert body["verdict"] == "wrong_answer" and body["final"] is True and body["passed"] == 2
    tests = body["report"]["tests"]
    assert tests[0]["name"] == "example-1" and tests[0]["input"] == "x=2"
    # Exactly the grader's solver view of the stored report: a hidden test is an ordinal, a verdict, a time.
    assert body["report"] == json.loads(json.dumps(solver_report(submission.report).to_dict()))
    assert [t.get("ordinal") for t in tests[1:]] == [1, 2] and not any("name" in t for t in tests[1:])
    assert body["time_s"] == 0.0 and body["report"]["time_s"] == 0.0   # coarse: it counts hidden tests
    assert body["url"] == f"/api/v1/submissions/{submission.id}" and body["override"] is None


def test_live_progress_is_the_solver_view_too(api_client, make_user, make_submission, toy):
    user = make_user()
    # Rows as an older recorder stored them, hidden name and details included: shown through the grader's view.
    progress = {"total": 3, "tests": [
        {"name": "example-1", "visibility": "public", "verdict": "accepted", "passed": True, "time_s": 0.001},
        {"name": "secret-case-name", "visibility": "hidden", "verdict": "wrong_answer", "passed": False,
         "time_s": 0.0123, "input": "SECRET_INPUT_7731", "message": "SECRET_MESSAGE_5581"}]}
    submission = make_submission(user, toy, status=Status.RUNNING, progress=progress)
    response = api_client(user, ["read"]).get(f"/submissions/{submission.id}")
    body = response.json()
    assert body["final"] is False and body["report"] is None and body["progress"]["total"] == 3
    assert len(body["progress"]["tests"]) == 2
    for secret in SECRETS:
        assert secret not in response.content.decode()


def test_another_users_submission_is_a_404(api_client, make_user, make_submission, toy):
    owner, other = make_user(), make_user()
    submission = make_submission(owner, toy, status=Status.GRADED, report=graded_report())
    api = api_client(other, ["read"])
    for submission_id in (submission.id, submission.id + 1000, 2**31, 2**63 + 5):
        response = api.get(f"/submissions/{submission_id}")
        assert response.status_code == 404 and error_of(response)["reason"] == "not_found", submission_id
        assert error_of(response)["message"] == "No such submission."
    assert api.get("/submissions").json() == {"items": [], "count": 0}
    assert api.get("/submissions/-1").status_code == 404
    assert api.get("/submissions/abc").status_code == 422


def test_staff_read_only_their_own_here_and_nothing_is_logged(api_client, make_user, make_submission, toy):
    """This is the solver's view: staff reach others' work through /review (which shows code, and logs it)."""
    owner, boss = make_user(), make_user(staff=True)
    submission = make_submission(owner, toy, status=Status.GRADED, report=graded_report())
    response = api_client(boss, ["read", "review"]).get(f"/submissions/{submission.id}")
    assert response.status_code == 404 and error_of(response)["reason"] == "not_found"
    assert api_client(owner, ["read"]).get(f"/submissions/{submission.id}").status_code == 200
    assert not CodeAccess.objects.exists()


def test_reading_needs_the_read_scope(api_client, make_user, make_submission, toy):
    user = make_user()
    submission = make_submission(user, toy)
    api = api_client(user, ["submit"])
    for path in (f"/submissions/{submission.id}", "/submissions"):
        response = api.get(path)
        assert response.status_code == 403 and error_of(response)["reason"] == "scope_missing"


def test_it_lists_my_submissions_newest_first_with_filters(api_client, make_user, make_submission, toy, essay,
                                                            make_problem):
    me, other = make_user(), make_user()
    second = make_problem("second")
    a = make_submission(me, toy, status=Status.GRADED, verdict=Verdict.ACCEPTED, report=graded_report())
    b = make_submission(me, toy, mode=Mode.RUN, status=Status.GRADED, verdict=Verdict.WRONG_ANSWER)
    c = make_submission(me, second, status=Status.QUEUED)
    d = make_submission(me, essay, mode=Mode.DESIGN, status=Status.AWAITING_REVIEW, source="answer")
    make_submission(other, toy)
    api = api_client(me, ["read"])

    def ids(**params):
        response = api.get("/submissions", params)
        assert response.status_code == 200, response.content
        return [item["id"] for item in response.json()["items"]]

    assert ids() == [d.id, c.id, b.id, a.id]
    assert ids(problem="toy") == [b.id, a.id]
    assert ids(verdict="accepted") == [a.id]
    assert ids(mode="run") == [b.id]
    assert ids(status="queued") == [c.id]
    assert ids(status="awaiting_review", mode="design") == [d.id]
    body = api.get("/submissions", {"limit": 2, "offset": 1}).json()
    assert body["count"] == 4 and [item["id"] for item in body["items"]] == [c.id, b.id]
    item = api.get("/submissions", {"verdict": "accepted"}).json()["items"][0]
    assert set(item) == {"id", "problem", "mode", "status", "verdict", "score", "passed", "total", "time_s",
                         "created_at", "final", "url", "result_hidden", "result_hidden_until"}
    assert "SECRET" not in json.dumps(api.get("/submissions").json())
    for params in ({"verdict": "great"}, {"mode": "x"}, {"status": "done"}, {"limit": 500}, {"problem": "x" * 101}):
        response = api.get("/submissions", params)
        assert response.status_code == 422 and error_of(response)["reason"] == "invalid_request", params
    response = api.get("/submissions", {"problem": "no-such\x00problem"})
    assert response.status_code == 404 and error_of(response)["reason"] == "not_found"


# --- long-poll ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("wait", ["20.5", "-1", "forever", "1e9", "nan"])
def test_a_long_poll_is_bounded(api_client, make_user, make_submission, toy, wait):
    user = make_user()
    submission = make_submission(user, toy)
    response = api_client(user, ["read"]).get(f"/submissions/{submission.id}", {"wait": wait})
    assert response.status_code == 422 and error_of(response)["reason"] == "invalid_request"


def test_a_long_poll_waits_at_most_as_long_as_asked(api_client, make_user, make_submission, toy):
    user = make_user()
    submission = make_submission(user, toy)
    api = api_client(user, ["read"])
    started = time.monotonic()
    response = api.get(f"/submissions/{submission.id}", {"wait": "0.6"})
    assert 0.55 <= time.monotonic() - started < 2 and response.json()["status"] == "queued"
    Submission.objects.filter(id=submission.id).update(status=Status.GRADED, verdict=Verdict.ACCEPTED)
    started = time.monotonic()
    assert api.get(f"/submissions/{submission.id}", {"wait": "5"}).json()["final"] is True
    assert time.monotonic() - started < 0.5   # final already: no wait at all


def test_a_long_poll_answers_at_once_while_redis_is_down(api_client, make_user, make_submission, toy, settings):
    # The open-wait counter lives in the cache; with Redis unreachable the wait is skipped, not a 500.
    user = make_user()
    submission = make_submission(user, toy)
    api = api_client(user, ["read"])
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]   # closed again: nothing listens there
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": f"redis://127.0.0.1:{port}/0"}}
    started = time.monotonic()
    response = api.get(f"/submissions/{submission.id}", {"wait": "5"})
    assert response.status_code == 200 and response.json()["status"] == "queued"
    assert time.monotonic() - started < 2.5


@pytest.mark.django_db(transaction=True)
def test_a_long_poll_returns_as_soon_as_the_row_changes(api_client, make_user, make_submission, toy):
    user = make_user()
    submission = make_submission(user, toy, status=Status.RUNNING)
    api = api_client(user, ["read"])
    row = {"name": "example-1", "visibility": "public", "verdict": "accepted", "passed": True, "time_s": 0.001}

    def later(**fields):
        def run():
            time.sleep(0.5)
            Submission.objects.filter(id=submission.id).update(**fields)
            connection.close()
        thread = threading.Thread(target=run)
        thread.start()
        return thread

    # A new progress row ends the wait...
    thread = later(progress={"total": 2, "tests": [row]})
    started = time.monotonic()
    body = api.get(f"/submissions/{submission.id}", {"wait": "10", "seen": "0"}).json()
    thread.join()
    assert 0.4 < time.monotonic() - started < 3 and len(body["progress"]["tests"]) == 1 and not body["final"]
    # ...and so does the verdict (without ?seen: the rows there are now count as seen).
    thread = later(status=Status.GRADED, verdict=Verdict.ACCEPTED, report=report(public("example-1")))
    started = time.monotonic()
    body = api.get(f"/submissions/{submission.id}", {"wait": "10"}).json()
    thread.join()
    assert 0.4 < time.monotonic() - started < 3 and body["final"] and body["verdict"] == "accepted"


# --- end to end --------------------------------------------------------------------------------------

@pytest.mark.django_db(transaction=True)
@pytest.mark.docker
@pytest.mark.services
def test_a_script_submits_and_waits_for_the_verdict(api_client, start_worker, synced_problems, make_user):
    from ..conftest import PROBLEMS

    start_worker()
    api = api_client(make_user(), ["read", "submit"])
    created = api.post("/problems/softmax/submissions",
                       {"source": (PROBLEMS / "softmax" / "reference.py").read_text(), "mode": "submit"})
    assert created.status_code == 201, created.content
    url = created.json()["url"].removeprefix("/api/v1")
    seen, polls, deadline = 0, 0, time.monotonic() + 120
    while time.monotonic() < deadline:
        response = api.get(url, {"wait": "20", "seen": str(seen)})
        polls += 1
        body = response.json()
        assert response.status_code == 200
        if body["final"]:   # the report replaces the live progress
            break
        assert len(body["progress"]["tests"]) >= seen
        seen = len(body["progress"]["tests"])
    assert body["final"] and (body["status"], body["verdict"]) == ("graded", "accepted"), body
    assert body["passed"] == body["total"] > 2 and body["report"]["verdict"] == "accepted"
    hidden_names = [c.name for c in grader.load_problem(PROBLEMS / "softmax").cases() if not c.public]
    assert not [name for name in hidden_names if f'"{name}"' in response.content.decode()]
    assert polls < 40   # long-polls, not a busy loop
