"""The catalogue shows each problem's acceptance rate and solve count (issue 13), counted as the problem's own
statistics count them, in one query however many problems and submissions there are."""
from __future__ import annotations

import re

import pytest
from django.urls import reverse

from mljudge.leaderboards.selectors import problem_stats
from mljudge.leaderboards.services import best_result_recompute
from mljudge.submissions.models import Mode, Status, Verdict

pytestmark = pytest.mark.django_db


def graded(make_submission, user, problem, verdict, mode=Mode.SUBMIT):
    make_submission(user, problem, mode=mode, status=Status.GRADED, verdict=verdict,
                    score=1.0 if verdict == Verdict.ACCEPTED else 0.0, passed=1, total=1)
    best_result_recompute(user_id=user.pk, problem_id=problem.pk)


def cells(html: str, slug: str) -> tuple[str, str]:
    row = re.search(rf'<tr data-slug="{slug}">(.*?)</tr>', html, re.DOTALL).group(1)
    acceptance = re.search(r'data-testid="acceptance">(.*?)</td>', row, re.DOTALL).group(1)
    solved = re.search(r'data-testid="solved-count">(.*?)</td>', row).group(1)
    return re.sub(r"<[^>]+>", "", acceptance).strip(), solved


def test_it_shows_acceptance_and_solvers_as_the_problem_statistics_count_them(client, make_user, make_problem,
                                                                                make_submission):
    toy, fresh = make_problem("toy"), make_problem("fresh")
    ann, bob = make_user("ann"), make_user("bob")
    graded(make_submission, ann, toy, Verdict.WRONG_ANSWER)
    graded(make_submission, ann, toy, Verdict.ACCEPTED)
    graded(make_submission, bob, toy, Verdict.WRONG_ANSWER)
    graded(make_submission, bob, toy, Verdict.ACCEPTED, mode=Mode.RUN)   # a run counts for nothing
    make_submission(bob, toy)                                             # queued: not graded yet
    html = client.get(reverse("problemset:catalogue")).content.decode()
    assert cells(html, "toy") == ("33%", "1")
    stats = problem_stats(problem=toy)
    assert (stats.accepted, stats.attempts, stats.users_solved) == (1, 3, 1)
    assert cells(html, "fresh") == ("—", "0")


def test_it_costs_the_same_queries_for_a_bigger_catalogue(client, make_user, make_problem, make_submission,
                                                         django_assert_num_queries):
    ann = make_user("ann")
    client.force_login(ann)
    graded(make_submission, ann, make_problem("p0"), Verdict.ACCEPTED)
    client.get(reverse("problemset:catalogue"))   # session, warm-up
    from django.test.utils import CaptureQueriesContext
    from django.db import connection

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("problemset:catalogue"))
    for n in range(1, 8):
        problem = make_problem(f"p{n}", topics=[f"t{n}"])
        for user in (ann, make_user()):
            graded(make_submission, user, problem, Verdict.ACCEPTED if n % 2 else Verdict.WRONG_ANSWER)
    with django_assert_num_queries(len(few.captured_queries)):
        html = client.get(reverse("problemset:catalogue")).content.decode()
    assert cells(html, "p1") == ("100%", "2") and cells(html, "p2") == ("0%", "0")
