"""The IDOR sweep, driven by the API's own OpenAPI document so that no endpoint escapes it:

- every operation whose path takes an id (or a slug) has an entry in TARGETS saying how to make an object that
  one user may reach and another may not; called by that other user (holding every scope, so the scope is not
  what stops them) it answers exactly what it answers for an id that does not exist (404; never 200, never a
  403 that confirms existence, never 500). A new id-taking endpoint without an entry fails
  test_every_id_taking_operation_has_a_target.
- every operation that requires the `review` scope (found by asking the API, not by a list) gives a student
  holding every scope no instructor data, even on their own submission and their own cohort.
- hidden-test data (distinctive names, inputs, outputs, messages) never appears in the raw JSON of any
  operation a solver may call.

Entries for endpoints other helpers build (/submissions/{id}, /webhooks/{id}, /webhooks/{id}/deliveries,
/problems/{slug}...) are written from the contract (docs/api.md) and run once those paths are in the schema."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Group

from mljudge.api.main import api as ninja_api
from mljudge.problemset.models import Problem

from ..conftest import PROBLEMS
from .classroom import HIDDEN_MARKERS, classroom, graded_submission, make_cohort, make_instructor  # noqa: F401
from .conftest import error_of

pytestmark = [pytest.mark.django_db, pytest.mark.services]

ALL_SCOPES = ("read", "submit", "review", "author")
PARAM = re.compile(r"\{[^}]+\}")
PREFIX = "/api/v1"


def operation_key(method: str, path: str) -> str:
    """"GET /review/submissions/{}": the contract fixes paths, not parameter names or operation ids."""
    return f"{method.upper()} {PARAM.sub('{}', path.removeprefix(PREFIX))}"


def schema_operations() -> dict[str, tuple[str, str]]:
    """key -> (method, path template) for every operation of the OpenAPI document."""
    paths = ninja_api.get_openapi_schema()["paths"]
    return {operation_key(method, path): (method, path.removeprefix(PREFIX))
            for path, operations in paths.items() for method in operations}


@dataclass
class Target:
    owner: str                 # who may reach it: anything but a 404 (the entry really made an object)
    intruder: str              # who may not: the same answer as for a missing id
    params: list               # values for the path's {…} in order
    body: dict | None = None
    control: list | None = None            # params for the owner's call, when not `params` (slugs)
    expect: tuple[int, str] = (404, "not_found")
    marker: str = ""                       # text of the owner's object that must not reach the intruder
    owner_api: object | None = None        # the owner's client, when the object belongs to one token of theirs


@dataclass
class World:
    users: dict
    objects: dict = field(default_factory=dict)


def _webhook(world: World, api_client) -> Target:
    """Made through the API itself (POST /webhooks). A webhook belongs to the token that registered it: the
    owner's control call uses that token (the same user's other tokens get 404 too, by design)."""
    owner_api = api_client(world.users["ann"], ALL_SCOPES)
    response = owner_api.post("/webhooks", {"url": "http://127.0.0.1:9/hook"})
    assert response.status_code == 201, response.content[:300]
    return Target("ann", "bob", [response.json()["id"]], owner_api=owner_api)


def _sub(w: World) -> int:
    return w.objects["subs"]["ann"].id


REVIEW_BODY = {"score": 0.9, "reason": "x"}
TARGETS: dict[str, Callable[[World, Callable], Target]] = {
    # instructors: ada teaches cohort A (ann, bob); bea teaches cohort B
    "GET /cohorts/{}/members": lambda w, c: Target("ada", "bea", [w.objects["a"].id], marker="ann"),
    "GET /cohorts/{}/submissions": lambda w, c: Target("ada", "bea", [w.objects["a"].id], marker="CODE-OF"),
    "GET /cohorts/{}/export": lambda w, c: Target("ada", "bea", [w.objects["a"].id], marker="ann"),
    "GET /review/submissions/{}": lambda w, c: Target("ada", "bea", [_sub(w)], marker="CODE-OF-ann"),
    "GET /review/submissions/{}/comments": lambda w, c: Target("ada", "bea", [_sub(w)]),
    "POST /review/submissions/{}/comments": lambda w, c: Target("ada", "bea", [_sub(w)], {"body": "hi"}),
    "POST /review/submissions/{}/override": lambda w, c: Target("ada", "bea", [_sub(w)], REVIEW_BODY),
    "POST /review/submissions/{}/rubric": lambda w, c: Target("ada", "bea", [_sub(w)],
                                                              {"criteria": [], "publish": False}),
    "POST /review/submissions/{}/rejudge": lambda w, c: Target("ada", "bea", [_sub(w)]),
    # authors: sync runs are the site's (every author sees every run, as on the page); a non-author holding the
    # scope is refused before any run is looked up, identically for a missing one.
    "GET /authoring/syncs/{}": lambda w, c: Target("author", "bob", [w.objects["run"].id],
                                                    expect=(403, "not_allowed")),
    # solvers (other helpers' endpoints, from the contract)
    "GET /submissions/{}": lambda w, c: Target("ann", "bob", [_sub(w)], marker="CODE-OF-ann"),
    "POST /submissions/{}/cancel": lambda w, c: Target("ann", "bob", [_sub(w)]),
    "DELETE /webhooks/{}": _webhook,
    "GET /webhooks/{}/deliveries": _webhook,
    # slugs: a draft is nobody's to see here (authors preview drafts on their page); the control is published
    "GET /problems/{}": lambda w, c: Target("ann", "bob", ["secret-draft"], control=["toy"], marker="SECRET"),
    "POST /problems/{}/submissions": lambda w, c: Target(
        "ann", "bob", ["secret-draft"], {"source": "def f(x):\n    return x\n", "mode": "run"}, control=["toy"]),
    "POST /problems/{}/answers": lambda w, c: Target("ann", "bob", ["secret-draft"], {"answer": "An answer."},
                                                     control=["essay"]),
    "GET /leaderboards/problems/{}": lambda w, c: Target("ann", "bob", ["secret-draft"], control=["toy"]),
}
MISSING = {int: 10**9, str: "no-such-slug-here"}


def _assignment(w: World) -> int:
    """An open assignment of cohort A (ada's; ann and bob are its students), made on first use."""
    from datetime import timedelta

    from django.utils import timezone

    from mljudge.assessments.services import AssignmentData, assignment_save

    if "assignment" not in w.objects:
        now = timezone.now()
        w.objects["assignment"] = assignment_save(instructor=w.users["ada"], cohort_id=w.objects["a"].id,
                                                  data=AssignmentData(title="Week 1", opens_at=now - timedelta(days=1),
                                                                      due_at=now + timedelta(days=1),
                                                                      problems=[("toy", 10)]))
    return w.objects["assignment"].id


ASSIGNMENT_BODY = {"title": "W", "opens_at": "2030-01-01T00:00:00Z", "due_at": "2030-02-01T00:00:00Z",
                   "problems": [{"problem": "toy", "points": 10}]}
TARGETS.update({
    "GET /cohorts/{}/assignments": lambda w, c: Target("ada", "bea", [w.objects["a"].id], marker="Week 1"
                                                       if _assignment(w) else ""),
    "POST /cohorts/{}/assignments": lambda w, c: Target("ada", "bea", [w.objects["a"].id], ASSIGNMENT_BODY),
    "PUT /assignments/{}": lambda w, c: Target("ada", "bea", [_assignment(w)], ASSIGNMENT_BODY),
    "GET /assignments/{}/gradebook": lambda w, c: Target("ada", "bea", [_assignment(w)], marker="ann"),
    "POST /assignments/{}/extensions": lambda w, c: Target("ada", "bea", [_assignment(w)], {
        "username": "ann", "due_at": "2040-01-01T00:00:00Z"}),
    "POST /assignments/{}/publish": lambda w, c: Target("ada", "bea", [_assignment(w)], {"publish": True}),
    # a student's own assignment: cyd is in another cohort
    "GET /assignments/{}": lambda w, c: Target("ann", "cyd", [_assignment(w)], marker="Week 1"),
})


@pytest.fixture
def world(classroom, make_user, make_problem, grade_delay):  # noqa: F811
    from mljudge.authoring.services import sync_run_request

    author = make_user("author")
    author.groups.add(Group.objects.get(name="author"))
    draft = make_problem("secret-draft", title="SECRET draft", statement="SECRET statement")
    Problem.objects.filter(id=draft.id).update(is_draft=True, is_active=False)   # as a draft sync stores it
    make_problem("essay", kind="design")
    run, _ = sync_run_request(user=author, root=PROBLEMS, enqueue=False)
    users = {name: classroom[name] for name in ("ada", "bea", "ann", "bob", "cyd")} | {"author": author}
    return World(users=users, objects={**classroom, "run": run})


def call(client, method: str, path: str, params: list, body: dict | None):
    url = path
    for value in params:
        url = PARAM.sub(str(value), url, count=1)
    if method == "get":
        return client.get(url)
    if method == "delete":
        return client.delete(url)
    if method == "put":
        return client.put(url, body or {})
    return client.post(url, body or {})


def test_every_id_taking_operation_has_a_target():
    operations = schema_operations()
    taking = {key for key in operations if "{}" in key}
    assert taking, "the sweep found no id-taking operation: is the schema read right?"
    missing = taking - set(TARGETS)
    assert not missing, f"add an IDOR target (how to make its object) for: {sorted(missing)}"


@pytest.mark.parametrize("key", sorted(TARGETS))
def test_another_users_id_is_not_found(key, world, api_client):
    operations = schema_operations()
    if key not in operations:
        pytest.skip(f"{key} is not in this API yet")
    method, path = operations[key]
    target = TARGETS[key](world, api_client)
    intruder = api_client(world.users[target.intruder], ALL_SCOPES)
    response = call(intruder, method, path, target.params, target.body)
    missing = call(intruder, method, path, [MISSING[type(p)] for p in target.params], target.body)
    assert response.status_code == target.expect[0], (key, response.content[:300])
    assert error_of(response)["reason"] == target.expect[1]
    assert (response.status_code, response.json()) == (missing.status_code, missing.json()), key
    if target.marker:
        assert target.marker not in response.content.decode()
    owner = target.owner_api or api_client(world.users[target.owner], ALL_SCOPES)
    control = call(owner, method, path, target.control or target.params, target.body)
    assert control.status_code not in (404, 500), (key, control.content[:300])   # the object was really made


def review_operations(world, api_client) -> list[str]:
    """The operations that refuse a token lacking `review` (asked of the API itself)."""
    without = api_client(world.users["ada"], ("read", "submit", "author"))
    found = []
    for key, (method, path) in schema_operations().items():
        response = call(without, method, path, [1] * path.count("{"), {})
        if response.status_code == 403 and error_of(response)["reason"] == "scope_missing" \
                and "'review'" in error_of(response)["message"]:
            found.append(key)
    return found


def test_a_students_token_with_every_scope_gets_no_instructor_data(world, api_client):
    found = review_operations(world, api_client)
    assert {"GET /cohorts", "GET /review/submissions/{}", "POST /review/submissions/{}/override"} <= set(found)
    ann = api_client(world.users["ann"], ALL_SCOPES)
    operations = schema_operations()
    for key in found:
        method, path = operations[key]
        # ann's own submission and the cohort she is a member of: hers, yet not hers to review
        target = TARGETS[key](world, api_client) if "{}" in key else Target("ada", "ann", [])
        response = call(ann, method, path, target.params, target.body)
        raw = response.content.decode()
        assert response.status_code in (200, 404), (key, raw[:300])
        if response.status_code == 200:
            assert response.json().get("items") == [], (key, raw[:300])
        assert not any(marker in raw for marker in HIDDEN_MARKERS), key
        assert "CODE-OF" not in raw, key


def test_hidden_test_data_never_reaches_a_solver(world, api_client, graded_submission):  # noqa: F811
    """Every operation a solver's read token may call, on the solver's own objects: no hidden name, input,
    output, message or printout in the raw JSON (the report stored for ann's submissions has them all)."""
    ann = api_client(world.users["ann"], ("read", "submit"))
    checked = []
    for key, (method, path) in schema_operations().items():
        if method != "get":
            continue
        if "{}" in key:
            if key not in TARGETS:
                continue   # test_every_id_taking_operation_has_a_target fails for it
            target = TARGETS[key](world, api_client)
            if target.owner != "ann":
                continue
            params = target.control or target.params
        else:
            params = []
        response = call(ann, method, path, params, None)
        if response.status_code == 403:
            continue   # a scope a solver's read token lacks: nothing shown
        raw = response.content.decode()
        assert not any(marker in raw for marker in HIDDEN_MARKERS), (key, raw[:500])
        checked.append(key)
    assert "GET /whoami" in checked
