"""/review/submissions/{id} (full report, code access logged), its comments, override, rubric and rejudge: the
review page's services behind the `review` scope, with their bounds; another instructor's submission is 404."""
from __future__ import annotations


import pytest

from mljudge.cohorts.models import CodeAccess
from mljudge.core.ratelimits import LIMITS
from mljudge.grading.api import problem_rubric
from mljudge.problemset.models import Problem, ProblemVersion
from mljudge.review.models import Comment, RubricGrade, ScoreOverride
from mljudge.review.services import MAX_COMMENT, MAX_OVERRIDE_REASON
from mljudge.submissions.models import Mode, Status

from ..conftest import PROBLEMS
from .classroom import (HIDDEN_MARKERS, classroom, design_answer, graded_submission, make_cohort,  # noqa: F401
                        make_instructor, rate_limits, rejudge_queue, reviewer_api)
from .conftest import error_of

pytestmark = [pytest.mark.django_db, pytest.mark.services]

OPERATIONS = [("get", "/review/submissions/{id}", None), ("get", "/review/submissions/{id}/comments", None),
              ("post", "/review/submissions/{id}/comments", {"body": "hi"}),
              ("post", "/review/submissions/{id}/override", {"score": 0.9, "reason": "x"}),
              ("post", "/review/submissions/{id}/rubric", {"criteria": [], "publish": False}),
              ("post", "/review/submissions/{id}/rejudge", None)]


def call(api, method, path, body, submission_id):
    path = path.format(id=submission_id)
    return api.get(path) if method == "get" else api.post(path, body)


def test_it_gives_the_reviewer_everything_and_logs_the_access_once(reviewer_api, classroom):
    sub = classroom["subs"]["ann"]
    api = reviewer_api("ada")
    response = api.get(f"/review/submissions/{sub.id}")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == sub.id and body["problem"] == "toy" and body["author"]["username"] == "ann"
    assert "CODE-OF-ann" in body["source"] and body["mode"] == "submit" and body["status"] == "graded"
    raw = response.content.decode()
    assert all(marker in raw for marker in HIDDEN_MARKERS)   # instructors see the full report
    assert body["report_history"] == [] and body["overrides"] == [] and body["rubric"] is None
    api.get(f"/review/submissions/{sub.id}")
    assert list(CodeAccess.objects.filter(owner=classroom["ann"]).values_list("viewer__username", "via")) == [
        ("ada", "reviewer")]


def test_it_shows_the_override_history(reviewer_api, classroom):
    sub = classroom["subs"]["ann"]
    api = reviewer_api("ada")
    response = api.post(f"/review/submissions/{sub.id}/override", {"score": 0.9, "reason": "partial credit"})
    assert response.status_code == 200
    assert api.post(f"/review/submissions/{sub.id}/override", {"score": None, "reason": "undo"}).json()["score"] is None
    history = api.get(f"/review/submissions/{sub.id}").json()["overrides"]
    assert [(o["by"], o["previous"], o["score"], o["reason"]) for o in history] == [
        ("ada", 0.9, None, "undo"), ("ada", 0.5, 0.9, "partial credit")]
    sub.refresh_from_db()
    assert sub.score_override is None and ScoreOverride.objects.filter(submission=sub).count() == 2


@pytest.mark.parametrize("method, path, body", OPERATIONS)
def test_another_instructors_submission_is_not_found_and_untouched(reviewer_api, classroom, method, path, body):
    cyd = classroom["subs"]["cyd"]
    api = reviewer_api("ada")
    response = call(api, method, path, body, cyd.id)
    missing = call(api, method, path, body, 10**9)
    assert response.status_code == 404 and error_of(response)["reason"] == "not_found"
    assert response.json() == missing.json()
    assert "CODE-OF-cyd" not in response.content.decode()
    assert not CodeAccess.objects.filter(owner=classroom["cyd"]).exists()
    assert not Comment.objects.exists() and not ScoreOverride.objects.exists()


@pytest.mark.parametrize("method, path, body", OPERATIONS)
def test_a_token_without_the_review_scope_is_refused_403(api_client, classroom, method, path, body):
    api = api_client(classroom["ada"], ("read", "submit", "author"))
    response = call(api, method, path, body, classroom["subs"]["ann"].id)
    assert response.status_code == 403
    assert error_of(response)["reason"] == "scope_missing" and "'review'" in error_of(response)["message"]


@pytest.mark.parametrize("method, path, body", OPERATIONS)
def test_a_solvers_review_token_gets_404_even_for_their_own_submission(reviewer_api, classroom, method, path, body):
    """The review page answers a non-reviewer 404 (submission_for_reviewer): ids are not confirmed, and the
    author's own submission is no exception (its full report has the hidden tests)."""
    api = reviewer_api("ann", ("read", "submit", "review", "author"))
    for sub in (classroom["subs"]["ann"], classroom["subs"]["bob"]):
        response = call(api, method, path, body, sub.id)
        assert response.status_code == 404, response.content[:200]
        raw = response.content.decode()
        assert not any(marker in raw for marker in HIDDEN_MARKERS) and "CODE-OF" not in raw
    assert not Comment.objects.exists() and not ScoreOverride.objects.exists()


# --- comments ---------------------------------------------------------------------------------------

def test_it_comments_in_markdown_rendered_once_and_sanitised(reviewer_api, classroom):
    sub = classroom["subs"]["ann"]
    api = reviewer_api("ada")
    response = api.post(f"/review/submissions/{sub.id}/comments",
                        {"body": "**Good** — but <script>alert(1)</script> ünïcode"})
    assert response.status_code == 201
    comment = response.json()
    assert comment["author"] == "ada" and "<strong>Good</strong>" in comment["body_html"]
    assert "<script>" not in comment["body_html"] and "ünïcode" in comment["body_html"]
    assert Comment.objects.get(id=comment["id"]).body_html == comment["body_html"]
    listed = api.get(f"/review/submissions/{sub.id}/comments").json()
    assert [c["id"] for c in listed] == [comment["id"]]


@pytest.mark.parametrize("body, status, reason", [
    ({"body": "a" * (MAX_COMMENT + 1)}, 413, "comment_too_long"),
    ({"body": "a\x00b"}, 400, "comment_nul"),
    ({"body": "   "}, 400, "comment_empty"),
    ({"body": 123}, 422, "invalid_request"),
    ({"body": ["a"]}, 422, "invalid_request"),
    ({}, 422, "invalid_request"),
])
def test_it_refuses_bad_comments_with_the_services_reason(reviewer_api, classroom, body, status, reason):
    response = reviewer_api("ada").post(f"/review/submissions/{classroom['subs']['ann'].id}/comments", body)
    assert response.status_code == status and error_of(response)["reason"] == reason
    assert not Comment.objects.exists()


def test_a_malformed_json_body_is_422(reviewer_api, classroom):
    response = reviewer_api("ada").post(f"/review/submissions/{classroom['subs']['ann'].id}/comments",
                                        raw=b'{"body": "unterminated')
    assert response.status_code in (400, 422) and error_of(response)["reason"] == "invalid_request"


def test_comments_count_against_the_pages_comment_rate_limit(reviewer_api, classroom, rate_limits):
    allowed = int(LIMITS["comment"].rules[0].rate.split("/")[0])
    api = reviewer_api("ada")
    statuses = [api.post(f"/review/submissions/{classroom['subs']['ann'].id}/comments", {"body": f"c{n}"}).status_code
                for n in range(allowed + 1)]
    assert statuses == [201] * allowed + [429]
    assert Comment.objects.count() == allowed


# --- overrides --------------------------------------------------------------------------------------

@pytest.mark.parametrize("body, status, reason", [
    ({"score": 1.5, "reason": "x"}, 400, "score_out_of_range"),
    ({"score": -0.1, "reason": "x"}, 400, "score_out_of_range"),
    ({"score": 0.5, "reason": "a" * (MAX_OVERRIDE_REASON + 1)}, 413, "override_reason_too_long"),
    ({"score": 0.5, "reason": "why\x00"}, 400, "override_reason_nul"),
    ({"score": 0.5, "reason": "  "}, 400, "override_unexplained"),
    ({"score": "0.5", "reason": "x"}, 422, "invalid_request"),
    ({"score": True, "reason": "x"}, 422, "invalid_request"),
    ({"score": 0.5, "reason": 7}, 422, "invalid_request"),
    ({"score": 0.5}, 422, "invalid_request"),
])
def test_it_refuses_overrides_out_of_bounds(reviewer_api, classroom, body, status, reason):
    response = reviewer_api("ada").post(f"/review/submissions/{classroom['subs']['ann'].id}/override", body)
    assert response.status_code == status and error_of(response)["reason"] == reason
    assert not ScoreOverride.objects.exists()


@pytest.mark.parametrize("literal", [b"NaN", b"Infinity", b"1e400"])
def test_a_non_finite_score_is_out_of_range(reviewer_api, classroom, literal):
    response = reviewer_api("ada").post(f"/review/submissions/{classroom['subs']['ann'].id}/override",
                                        raw=b'{"score": ' + literal + b', "reason": "x"}')
    assert response.status_code in (400, 422) and error_of(response)["reason"] in ("score_out_of_range",
                                                                                    "invalid_request")
    assert not ScoreOverride.objects.exists()


def test_a_run_has_no_score_to_override(reviewer_api, classroom, graded_submission):
    run = graded_submission(classroom["ann"], classroom["problem"], mode=Mode.RUN)
    response = reviewer_api("ada").post(f"/review/submissions/{run.id}/override", {"score": 0.5, "reason": "x"})
    assert response.status_code == 400 and error_of(response)["reason"] == "run_has_no_score"


# --- rubric -----------------------------------------------------------------------------------------

def _criteria(points=lambda c: c["points"] / 2, **comment):
    rubric = problem_rubric(folder=PROBLEMS / "recsys-design")
    return [{"name": c["name"], "points": points(c), "comment": comment.get("comment", "")} for c in rubric]


def test_it_grades_by_criterion_name_in_any_order_and_publishes(reviewer_api, classroom, design_answer):
    api = reviewer_api("ada")
    criteria = list(reversed(_criteria(comment="GOOD")))
    response = api.post(f"/review/submissions/{design_answer.id}/rubric", {"criteria": criteria, "publish": False})
    assert response.status_code == 200, response.content
    grade = response.json()
    assert grade["published_at"] is None and grade["points"] == grade["max_points"] / 2
    assert [c["name"] for c in grade["criteria"]] == [c["name"] for c in reversed(criteria)]   # rubric order
    design_answer.refresh_from_db()
    assert design_answer.status == Status.AWAITING_REVIEW
    detail = api.get(f"/review/submissions/{design_answer.id}").json()
    assert [c["name"] for c in detail["rubric"]["criteria"]] == [c["name"] for c in reversed(criteria)]
    assert detail["rubric"]["grade"]["points"] == grade["points"]
    published = api.post(f"/review/submissions/{design_answer.id}/rubric", {"criteria": criteria, "publish": True})
    assert published.json()["published_at"]
    design_answer.refresh_from_db()
    assert design_answer.status == Status.GRADED and design_answer.score == pytest.approx(0.5)


@pytest.mark.parametrize("change, status, reason", [
    (lambda cs: cs[1:], 400, "rubric_incomplete"),
    (lambda cs: cs + cs[:1], 400, "rubric_incomplete"),
    (lambda cs: [{**cs[0], "name": "No such criterion"}, *cs[1:]], 400, "rubric_unknown_criterion"),
    (lambda cs: [{**cs[0], "points": cs[0]["points"] * 2 + 1}, *cs[1:]], 400, "points_out_of_range"),
    (lambda cs: [{**cs[0], "points": -1}, *cs[1:]], 400, "points_out_of_range"),
    (lambda cs: [{**cs[0], "comment": "nul\x00"}, *cs[1:]], 400, "rubric_comment_nul"),
    (lambda cs: [{**cs[0], "points": "3"}, *cs[1:]], 422, "invalid_request"),
    (lambda cs: [{**cs[0], "name": 1}, *cs[1:]], 422, "invalid_request"),
    (lambda cs: cs * 60, 422, "invalid_request"),
])
def test_it_refuses_bad_rubric_grades(reviewer_api, classroom, design_answer, change, status, reason):
    criteria = change(_criteria())
    response = reviewer_api("ada").post(f"/review/submissions/{design_answer.id}/rubric",
                                        {"criteria": criteria, "publish": True})
    assert response.status_code == status and error_of(response)["reason"] == reason, response.content
    assert not RubricGrade.objects.exists()


def test_publish_must_be_a_boolean(reviewer_api, classroom, design_answer):
    response = reviewer_api("ada").post(f"/review/submissions/{design_answer.id}/rubric",
                                        {"criteria": _criteria(), "publish": "yes"})
    assert response.status_code == 422


def test_a_code_submission_has_no_rubric(reviewer_api, classroom, design_answer):
    response = reviewer_api("ada").post(f"/review/submissions/{classroom['subs']['ann'].id}/rubric",
                                        {"criteria": _criteria(), "publish": False})
    assert response.status_code == 400 and error_of(response)["reason"] == "not_a_design_answer"


# --- rejudge ----------------------------------------------------------------------------------------

def _new_version(problem: Problem) -> None:
    v1 = problem.current_version
    v2 = ProblemVersion.objects.create(problem=problem, number=v1.number + 1, declared_version=v1.declared_version,
                                       content_hash="api-rejudge-v2")
    Problem.objects.filter(id=problem.id).update(current_version=v2)


def test_it_queues_a_rejudge_on_the_rejudge_queue_after_a_version_change(
        reviewer_api, classroom, rejudge_queue, django_capture_on_commit_callbacks):
    sub = classroom["subs"]["ann"]
    _new_version(classroom["problem"])
    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer_api("ada").post(f"/review/submissions/{sub.id}/rejudge")
    assert response.status_code == 202 and response.json() == {"id": sub.id, "status": "graded"}
    messages = rejudge_queue()
    assert len(messages) == 1
    assert messages[0]["headers"]["task"] == "mljudge.grading.tasks.rejudge_submission"
    assert f"[{sub.id}]" in messages[0]["headers"]["argsrepr"].replace("(", "[").replace(",)", "]")


def test_there_is_nothing_to_rejudge_on_the_current_version_or_for_a_run(
        reviewer_api, classroom, graded_submission, rejudge_queue, django_capture_on_commit_callbacks):
    run = graded_submission(classroom["ann"], classroom["problem"], mode=Mode.RUN)
    api = reviewer_api("ada")
    with django_capture_on_commit_callbacks(execute=True):
        current = api.post(f"/review/submissions/{classroom['subs']['ann'].id}/rejudge")
        _new_version(classroom["problem"])
        of_run = api.post(f"/review/submissions/{run.id}/rejudge")
    for response in (current, of_run):
        assert response.status_code == 409 and error_of(response)["reason"] == "nothing_to_rejudge"
    assert rejudge_queue() == []


@pytest.mark.parametrize("path, body", [
    ("comments", {"body": "hi \ud800"}),
    ("override", {"score": 0.5, "reason": "because \udfff"}),
])
def test_a_lone_surrogate_in_any_field_is_a_400_not_a_500(reviewer_api, classroom, path, body):
    response = reviewer_api().post(f"/review/submissions/{classroom['subs']['ann'].id}/{path}", body)
    assert response.status_code == 400 and error_of(response)["reason"] == "text_not_unicode"
