"""A cohort with an instructor (ida) and two students (sam, tia) who joined a while ago, a function problem
("toy") and a scored one, and a helper that writes a graded submission at a chosen time."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from unittest import mock

import pytest
from django.contrib.auth.models import Group

from ..api.conftest import make_token  # noqa: F401  (the API's token fixture, for the API tests here)

T0 = datetime(2030, 3, 1, 12, 0, tzinfo=timezone.utc)   # the assignment's due time in most tests


@pytest.fixture(autouse=True)
def _no_queue():
    with mock.patch("mljudge.grading.tasks.grade_submission.delay"):
        yield


@pytest.fixture
def classroom(make_user, make_problem):
    from mljudge.cohorts.services import cohort_create, cohort_join

    ida, sam, tia = make_user("ida"), make_user("sam"), make_user("tia")
    ida.groups.add(Group.objects.get_or_create(name="instructor")[0])
    cohort = cohort_create(instructor=ida, name="ML 101")
    for student in (sam, tia):
        cohort_join(user=student, token=cohort.invite_token, share_past=True)
    return {"ida": ida, "sam": sam, "tia": tia, "cohort": cohort, "toy": make_problem("toy"),
            "pair": make_problem("pair", difficulty="medium")}


@pytest.fixture
def assignment_of(classroom):
    from mljudge.assessments.services import AssignmentData, assignment_save

    def make(**rules):
        data = AssignmentData(title=rules.pop("title", "Week 1"),
                              opens_at=rules.pop("opens_at", T0 - timedelta(days=7)), due_at=rules.pop("due_at", T0), problems=rules.pop("problems", [("toy", 10)]), **rules)
        return assignment_save(instructor=classroom["ida"], cohort_id=classroom["cohort"].id, data=data)

    return make


@pytest.fixture
def graded(make_submission):
    """graded(user, problem, at, verdict="accepted", score=1.0, **columns) → a graded submission made at `at`."""
    from mljudge.submissions.models import Status, Submission, Verdict

    def make(user, problem, at: datetime, verdict=Verdict.ACCEPTED, score=1.0, **kw):
        kw.setdefault("status", Status.GRADED)
        sub = make_submission(user, problem, verdict=verdict if kw["status"] == Status.GRADED else "", score=score,
                              passed=1, total=1, **kw)
        Submission.objects.filter(id=sub.id).update(created_at=at)
        sub.refresh_from_db()
        return sub

    return make


def cell(assignment, user, *, now, index=0):
    from mljudge.assessments.selectors import gradebook

    book = gradebook(assignment=assignment, now=now)
    return next(r for r in book.rows if r.user.pk == user.pk).cells[index]
