"""Cohorts with an instructor and members, and a graded submission whose stored report is the full one
(hidden inputs, outputs and messages included), as grading stores it since issue 6."""
from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from mljudge.cohorts import services as cohort_services
from mljudge.submissions.models import Status, Verdict

from ..reports import hidden, public, report

FULL_REPORT = report(
    public("example-1", input="PUBLIC-INPUT", expected="PUBLIC-EXPECTED", got="PUBLIC-GOT"),
    hidden("hidden-empty-cluster", verdict=Verdict.WRONG_ANSWER, message="HIDDEN-MESSAGE", input="HIDDEN-INPUT",
           expected="HIDDEN-EXPECTED", got="HIDDEN-GOT"),
    stdout="PUBLIC-STDOUT", hidden_stdout="HIDDEN-STDOUT", wall_time_s=0.1, sandbox="docker")
HIDDEN_MARKERS = ("HIDDEN-MESSAGE", "HIDDEN-INPUT", "HIDDEN-EXPECTED", "HIDDEN-GOT", "HIDDEN-STDOUT",
                  "hidden-empty-cluster")


@pytest.fixture
def make_instructor(make_user):
    def make(username: str):
        user = make_user(username)
        user.groups.add(Group.objects.get(name="instructor"))
        return user

    return make


@pytest.fixture
def make_cohort():
    """A cohort whose members were invited and accepted, sharing their earlier work too (so the tests here
    see every submission of theirs; tests/platform/security/test_consent.py tests the time window)."""
    def make(instructor, name: str, members=(), *, share_past: bool = True):
        cohort = cohort_services.cohort_create(instructor=instructor, name=name)
        if members:
            cohort_services.cohort_invite_usernames(instructor=instructor, cohort_id=cohort.id,
                                                    usernames=[m.username for m in members])
            for member in members:
                cohort_services.invitation_accept(user=member, cohort_id=cohort.id, share_past=share_past)
        return cohort

    return make


@pytest.fixture
def graded_submission(make_submission):
    def make(user, problem, *, source="def f(x):\n    return x\n", score=0.5, report=None, **kw):
        return make_submission(user, problem, status=Status.GRADED, verdict=kw.pop("verdict", Verdict.WRONG_ANSWER),
                               score=score, passed=1, total=2, report=report or FULL_REPORT, source=source, **kw)

    return make


@pytest.fixture
def classroom(make_instructor, make_user, make_cohort, make_problem, graded_submission):
    """Two cohorts, A (ada teaching ann and bob) and B (bea teaching cyd), each member with a submission."""
    ada, bea = make_instructor("ada"), make_instructor("bea")
    ann, bob, cyd = make_user("ann"), make_user("bob"), make_user("cyd")
    a = make_cohort(ada, "Cohort A", [ann, bob])
    b = make_cohort(bea, "Cohort B", [cyd])
    problem = make_problem("toy")
    subs = {u.username: graded_submission(u, problem, source=f"def f(x):\n    return 'CODE-OF-{u.username}'\n")
            for u in (ann, bob, cyd)}
    return {"ada": ada, "bea": bea, "ann": ann, "bob": bob, "cyd": cyd, "a": a, "b": b, "problem": problem,
            "subs": subs}
