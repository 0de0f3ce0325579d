"""A fair grading queue with a real Celery worker on real Redis, grading in Docker: user A's two infinite
loops must not hold user B's correct submission back by more than one of them."""
from __future__ import annotations

import pytest

import grader
from mljudge.problemset.models import Problem
from mljudge.submissions.models import Mode, Status, Submission, Verdict
from mljudge.submissions.services import submission_create

from ..conftest import PROBLEMS, kmeans_or_softmax
from .workers import wait_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.docker, pytest.mark.services]

SLUG = kmeans_or_softmax()


def test_another_users_submission_is_graded_after_at_most_one_slow_run(start_worker, synced_problems, make_user):
    folder = grader.load_problem(PROBLEMS / SLUG)
    loop = f"def {folder.entry_point}(*args, **kwargs):\n    while True:\n        pass\n"
    reference = (PROBLEMS / SLUG / "reference.py").read_text()
    problem = Problem.objects.get(slug=SLUG)
    a, b = make_user(), make_user()
    worker = start_worker()
    a1 = submission_create(user=a, problem=problem, source=loop, mode=Mode.SUBMIT)
    a2 = submission_create(user=a, problem=problem, source=loop, mode=Mode.SUBMIT)
    b1 = submission_create(user=b, problem=problem, source=reference, mode=Mode.SUBMIT)

    def all_final():
        rows = list(Submission.objects.filter(id__in=[a1.id, a2.id, b1.id]).order_by("id"))
        return rows if all(r.is_final for r in rows) else None

    a1, a2, b1 = wait_for(all_final, timeout=240, what="three verdicts", worker=worker)
    assert (a1.verdict, a2.verdict, b1.verdict) == (Verdict.TIME_LIMIT_EXCEEDED, Verdict.TIME_LIMIT_EXCEEDED,
                                                    Verdict.ACCEPTED)
    assert all(s.status == Status.GRADED and s.attempts == 1 for s in (a1, a2, b1))
    # B was served before A's second loop: it waited for one slow run at most, never for two.
    assert b1.started_at < a2.started_at
    behind = (b1.started_at - a1.started_at).total_seconds()
    slow_run = (a1.finished_at - a1.started_at).total_seconds()
    print(f"\nB started {behind:.1f}s after A's first loop did (that run took {slow_run:.1f}s; limit "
          f"{folder.limits.time_per_case_s:g}s CPU); A's second loop started {(a2.started_at - b1.finished_at).total_seconds():.1f}s after B finished")
    # And each infinite loop cost about one limit, not one per case.
    assert sum(t["verdict"] == "time_limit_exceeded" for t in a1.report["tests"]) == 1
