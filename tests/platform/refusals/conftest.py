"""A small world in which every refusal can be provoked through a view: a solver (ann) in the cohort of an
instructor (ada), a code problem with ann's graded submission and run, a design problem without a rubric and
one with (recsys-design), each with an answer of ann's awaiting review."""
from __future__ import annotations

from unittest import mock

import pytest
from django.contrib.auth.models import Group
from mljudge.cohorts import services as cohort_services
from mljudge.submissions.models import Mode, Status, Verdict

from ..conftest import PROBLEMS


@pytest.fixture(autouse=True)
def delay():
    with mock.patch("mljudge.grading.tasks.grade_submission.delay") as delay:
        yield delay


@pytest.fixture
def world(settings, make_user, make_problem, make_submission):
    from mljudge.grading.problems import problems_sync
    from mljudge.problemset.models import Problem

    settings.MLJUDGE_PROBLEMS_DIR = PROBLEMS
    ada, ann = make_user("ada"), make_user("ann")
    ada.groups.add(Group.objects.get(name="instructor"))
    cohort = cohort_services.cohort_create(instructor=ada, name="Cohort A")
    cohort_services.cohort_invite_usernames(instructor=ada, cohort_id=cohort.id, usernames=["ann"])
    cohort_services.invitation_accept(user=ann, cohort_id=cohort.id, share_past=True)
    code, essay = make_problem("toy"), make_problem("essay", kind="design")
    problems_sync(root=PROBLEMS / "recsys-design")
    rubric_problem = Problem.objects.get(slug="recsys-design")
    graded = {"status": Status.GRADED, "verdict": Verdict.WRONG_ANSWER, "score": 0.5, "passed": 1, "total": 2}
    return {
        "ada": ada, "ann": ann, "cohort": cohort, "code": code, "essay": essay,
        "submission": make_submission(ann, code, **graded),
        "run": make_submission(ann, code, mode=Mode.RUN, **graded),
        "answer": make_submission(ann, essay, mode=Mode.DESIGN, status=Status.AWAITING_REVIEW, source="plan"),
        "rubric_answer": make_submission(ann, rubric_problem, mode=Mode.DESIGN, status=Status.AWAITING_REVIEW,
                                         source="# Two stages"),
    }
