"""The submissions history page filters by problem, verdict and mode (issue 13), through the same selector as the
API (submissions_visible_to), and keeps the filters across pages."""
from __future__ import annotations

import re

import pytest
from django.urls import reverse

from mljudge.submissions.models import Mode, Status, Verdict

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(solver, make_user, make_problem, make_submission):
    toy, other = make_problem("toy"), make_problem("other")
    graded = {"status": Status.GRADED, "passed": 1, "total": 1}
    rows = {
        "toy-ok": make_submission(solver, toy, verdict=Verdict.ACCEPTED, **graded),
        "toy-wa": make_submission(solver, toy, verdict=Verdict.WRONG_ANSWER, **graded),
        "toy-run": make_submission(solver, toy, mode=Mode.RUN, verdict=Verdict.ACCEPTED, **graded),
        "other-wa": make_submission(solver, other, verdict=Verdict.WRONG_ANSWER, **graded),
    }
    make_submission(make_user("someone"), toy, verdict=Verdict.ACCEPTED, **graded)   # never listed
    return {name: s.id for name, s in rows.items()}


def listed(client, **query) -> list[int]:
    html = client.get(reverse("submissions:history"), query).content.decode()
    return [int(i) for i in re.findall(r'<tr data-submission="(\d+)"', html)]


@pytest.mark.parametrize("query, expected", [
    ({}, ["other-wa", "toy-run", "toy-wa", "toy-ok"]),
    ({"problem": "toy"}, ["toy-run", "toy-wa", "toy-ok"]),
    ({"verdict": "wrong_answer"}, ["other-wa", "toy-wa"]),
    ({"mode": "run"}, ["toy-run"]),
    ({"problem": "toy", "verdict": "accepted", "mode": "submit"}, ["toy-ok"]),
    ({"verdict": "bogus", "mode": "bogus"}, ["other-wa", "toy-run", "toy-wa", "toy-ok"]),   # ignored
])
def test_it_filters_by_problem_verdict_and_mode(client, history, query, expected):
    assert listed(client, **query) == [history[name] for name in expected]


def test_it_offers_the_filters_selected_and_only_the_users_problems(client, history):
    html = client.get(reverse("submissions:history"), {"verdict": "accepted", "mode": "run"}).content.decode()
    assert '<option value="accepted" selected>' in html and '<option value="run" selected>' in html
    assert '<option value="toy"' in html and '<option value="other"' in html
    assert client.get(reverse("submissions:history"), {"problem": "nosuch"}).status_code == 404


def test_the_pages_keep_the_filters(client, solver, make_problem, make_submission):
    toy = make_problem("toy")
    for _ in range(51):
        make_submission(solver, toy, status=Status.GRADED, verdict=Verdict.WRONG_ANSWER)
    html = client.get(reverse("submissions:history"), {"verdict": "wrong_answer", "problem": "toy"}).content.decode()
    older = re.search(r'<a href="\?page=2([^"]*)">older</a>', html).group(1).replace("&amp;", "&")
    assert "problem=toy" in older and "verdict=wrong_answer" in older
