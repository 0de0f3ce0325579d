"""GET /api/v1/problems and /problems/{slug}: the catalogue's selectors (drafts and inactive problems hidden as on
the pages), and nothing of a problem's hidden cases or reference in any response."""
from __future__ import annotations

import json

import grader
import pytest
from grader.engine import _show, _show_input

from mljudge.grading.problems import problems_sync
from mljudge.problemset.models import Problem
from mljudge.submissions.models import Mode, Status, Verdict

from ..conftest import PROBLEMS
from .conftest import error_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(make_problem):
    return {"easy": make_problem("vectors", difficulty="easy", topics=("linear-algebra",), title="Dot products"),
            "hard": make_problem("attention", difficulty="hard", topics=("deep-learning",), title="Attention"),
            "scored": make_problem("recsys", kind="scored", difficulty="medium", topics=("ranking",)),
            "design": make_problem("design-a-feed", kind="design", difficulty="medium", topics=("ranking",))}


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["items"]]


def test_it_lists_active_problems_with_filters_like_the_catalogue(api_client, make_user, catalogue):
    api = api_client(make_user(), ["read"])
    assert set(slugs(api.get("/problems"))) == {"vectors", "attention", "recsys", "design-a-feed"}
    assert slugs(api.get("/problems", {"difficulty": "hard"})) == ["attention"]
    assert set(slugs(api.get("/problems", {"topic": "ranking"}))) == {"recsys", "design-a-feed"}
    assert slugs(api.get("/problems", {"kind": "scored"})) == ["recsys"]
    assert slugs(api.get("/problems", {"q": "dot"})) == ["vectors"]
    body = api.get("/problems", {"limit": 1, "offset": 1}).json()
    assert body["count"] == 4 and len(body["items"]) == 1
    item = api.get("/problems", {"q": "dot"}).json()["items"][0]
    assert item == {"slug": "vectors", "title": "Dot products", "kind": "function", "difficulty": "easy",
                    "runtime": "numpy",
                    "topics": ["linear-algebra"], "solved": False, "url": "/api/v1/problems/vectors"}


def test_it_hides_drafts_and_inactive_problems(api_client, make_user, catalogue):
    Problem.objects.filter(slug="vectors").update(is_active=False, is_draft=True)
    Problem.objects.filter(slug="attention").update(is_active=False)
    api = api_client(make_user(), ["read"])
    assert set(slugs(api.get("/problems"))) == {"recsys", "design-a-feed"}
    for slug in ("vectors", "attention", "no-such-problem"):
        response = api.get(f"/problems/{slug}")
        assert response.status_code == 404 and error_of(response)["reason"] == "not_found"
        assert error_of(response)["message"] == "No such problem."


def test_it_marks_what_the_caller_solved(api_client, make_user, make_submission, catalogue):
    me, other = make_user(), make_user()
    make_submission(me, catalogue["easy"], status=Status.GRADED, verdict=Verdict.ACCEPTED)
    make_submission(me, catalogue["hard"], mode=Mode.RUN, status=Status.GRADED, verdict=Verdict.ACCEPTED)
    make_submission(other, catalogue["scored"], status=Status.GRADED, verdict=Verdict.ACCEPTED)
    api = api_client(me, ["read"])
    solved = {item["slug"]: item["solved"] for item in api.get("/problems").json()["items"]}
    assert solved == {"vectors": True, "attention": False, "recsys": False, "design-a-feed": False}
    assert api.get("/problems/vectors").json()["solved"] is True
    assert api.get("/problems/attention").json()["solved"] is False
    assert slugs(api.get("/problems", {"status": "solved"})) == ["vectors"]


@pytest.mark.parametrize("params", [
    {"difficulty": "impossible"}, {"kind": "essay"}, {"q": "x" * 101}, {"topic": "t" * 101}, {"limit": 0},
    {"limit": 101}, {"offset": -1}, {"limit": "many"},
])
def test_it_refuses_bad_filters_with_422(api_client, make_user, catalogue, params):
    response = api_client(make_user(), ["read"]).get("/problems", params)
    assert response.status_code == 422 and error_of(response)["reason"] == "invalid_request"


@pytest.mark.parametrize("params", [
    {"q": "a\x00b"}, {"topic": "\x00"}, {"q": "ünïcødé 注意 🙂"}, {"q": "%_\\"}])
def test_it_takes_odd_text_in_filters_without_failing(api_client, make_user, catalogue, params):
    assert slugs(api_client(make_user(), ["read"]).get("/problems", params)) == []


def test_it_answers_404_for_odd_slugs(api_client, make_user, catalogue):
    api = api_client(make_user(), ["read"])
    for slug in ("a%00b", "%ED%A0%80", "%F0%9F%99%82", "x" * 300):
        response = api.get(f"/problems/{slug}")
        assert response.status_code == 404 and error_of(response)["reason"] == "not_found", slug


def test_it_needs_the_read_scope(api_client, make_user, catalogue):
    for path in ("/problems", "/problems/vectors"):
        response = api_client(make_user(), ["submit"]).get(path)
        assert response.status_code == 403 and error_of(response)["reason"] == "scope_missing"
        response = api_client(None).get(path)
        assert response.status_code == 401 and error_of(response)["reason"] == "unauthenticated"


def test_a_problem_shows_its_statement_starter_public_examples_and_limits(api_client, make_user, synced_problems):
    api = api_client(make_user(), ["read"])
    response = api.get("/problems/softmax")
    assert response.status_code == 200
    body = response.json()
    problem = grader.load_problem(PROBLEMS / "softmax")
    row = Problem.objects.get(slug="softmax")
    assert body["statement_md"] == row.statement_md and body["statement_html"] == row.statement_html
    assert "<script" not in body["statement_html"]
    assert body["starter"] == problem.starter and body["entry_point"] == "softmax"
    assert body["limits"] == {"time_s": problem.limits.time_per_case_s, "memory_mb": problem.limits.memory_mb}
    assert body["version"] == row.current_version.number
    assert body["score_threshold"] is None and body["metric"] is None
    public = [case for case in problem.cases() if case.public]
    assert [e["name"] for e in body["examples"]] == [case.name for case in public] and public
    # Shown exactly as a Run's report shows a public test: its input and the reference's output.
    assert body["examples"][0]["expected"].startswith("array([0.09")


def test_a_problem_reveals_nothing_hidden(api_client, make_user, synced_problems):
    from grader.expected import expected_outputs

    problems_sync(root=PROBLEMS / "recommender-recall-at-k")
    api = api_client(make_user(), ["read"])
    for slug in ("softmax", "kmeans", "recommender-recall-at-k"):
        response = api.get(f"/problems/{slug}")
        assert response.status_code == 200
        raw = response.content.decode()
        text = json.dumps(response.json())
        problem = grader.load_problem(PROBLEMS / slug)
        expected = expected_outputs(problem)
        hidden = [case for case in problem.cases() if not case.public]
        assert hidden
        for case in hidden:
            shown_input = _show_input(case)   # as a report would show it
            secrets = [f'"{case.name}"', shown_input, json.dumps(shown_input)[1:-1]]
            if case.name in expected:
                secrets.append(json.dumps(_show(expected[case.name]))[1:-1])
            for secret in secrets:
                assert secret not in raw and secret not in text, (slug, case.name)
        reference = (PROBLEMS / slug / "reference.py").read_text()
        body_lines = [line for line in reference.splitlines() if len(line.strip()) > 25 and "def " not in line]
        assert not [line for line in body_lines if json.dumps(line.strip())[1:-1] in raw]


def test_a_scored_problem_names_its_metric_and_threshold_but_no_targets(api_client, make_user, synced_problems):
    problems_sync(root=PROBLEMS / "recommender-recall-at-k")
    body = api_client(make_user(), ["read"]).get("/problems/recommender-recall-at-k").json()
    problem = grader.load_problem(PROBLEMS / "recommender-recall-at-k")
    assert body["kind"] == "scored" and body["metric"] == problem.scoring["metric"]
    assert body["score_threshold"] == problem.scoring["threshold"]
    assert body["examples"] and all(example["expected"] is None for example in body["examples"])


def test_a_problem_whose_folder_is_gone_still_answers(api_client, make_user, catalogue, settings, tmp_path):
    settings.MLJUDGE_PROBLEMS_DIR = tmp_path
    body = api_client(make_user(), ["read"]).get("/problems/vectors").json()
    assert body["examples"] == [] and body["limits"] is None and body["statement_md"]


@pytest.mark.parametrize("offset", [10_001, 2**63, 2**70])
def test_an_offset_past_the_cap_is_a_422_not_a_500(api_client, make_user, catalogue, offset):
    from mljudge.api.paging import MAX_OFFSET

    assert offset > MAX_OFFSET
    response = api_client(make_user(), ["read"]).get("/problems", {"offset": offset})
    assert response.status_code == 422 and error_of(response)["reason"] == "invalid_request"


def test_a_problem_names_its_runtime(api_client, make_user, synced_problems, settings):
    from ..conftest import PROBLEMS

    problems_sync(root=PROBLEMS / "torch-self-attention")
    api = api_client(make_user(), ["read"])
    assert api.get("/problems/torch-self-attention").json()["runtime"] == "torch"
    assert api.get("/problems/softmax").json()["runtime"] == "numpy"
