"""Timed mock interviews: drawn from the catalogue, one at a time, bounded server-side (a submission at or after
the end does not count for the session), summarised per problem, listed on the owner's profile."""
from __future__ import annotations

import random
from datetime import timedelta

import pytest
from django.utils import timezone

from mljudge.assessments import selectors, services
from mljudge.core.refusals import Reason
from mljudge.submissions.models import Verdict

pytestmark = [pytest.mark.django_db, pytest.mark.services]


@pytest.fixture
def bank(make_problem):
    return {"toy": make_problem("toy"), "pair": make_problem("pair", difficulty="medium"),
            "essay": make_problem("essay", kind="design")}


def start(user, *, now, minutes=10, coding=1, design=False, difficulty=""):
    return services.mock_start(user=user, minutes=minutes, coding=coding, with_design=design, now=now,
                               pool=services.mock_pool(difficulty=difficulty), source="test", rng=random.Random(1))


def test_it_draws_coding_problems_and_a_design_question(bank, make_user):
    session = start(make_user(), now=timezone.now(), coding=2, design=True)
    kinds = sorted(i.problem.kind for i in session.items.select_related("problem"))
    assert kinds == ["design", "function", "function"]
    assert session.ends_at - session.started_at == timedelta(minutes=10)


def test_it_draws_from_a_difficulty_and_refuses_what_cannot_be_drawn(bank, make_user):
    user = make_user()
    session = start(user, now=timezone.now() - timedelta(hours=1), difficulty="medium")
    assert [i.problem.slug for i in session.items.all()] == ["pair"]
    with pytest.raises(services.AssessmentRefused) as nothing:
        start(user, now=timezone.now(), difficulty="medium", coding=2)
    with pytest.raises(services.AssessmentRefused) as choice:
        start(user, now=timezone.now(), minutes=7)
    assert (nothing.value.reason, choice.value.reason) == (Reason.MOCK_NOTHING_TO_DRAW, Reason.MOCK_CHOICE)


def test_one_session_at_a_time(bank, make_user):
    user, now = make_user(), timezone.now()
    start(user, now=now)
    with pytest.raises(services.AssessmentRefused) as running:
        start(user, now=now + timedelta(minutes=9))
    assert running.value.reason == Reason.MOCK_RUNNING
    start(user, now=now + timedelta(minutes=10))   # the first one is over


def _at(sub, when):
    from mljudge.submissions.models import Submission

    Submission.objects.filter(id=sub.id).update(created_at=when)


def test_submissions_count_from_the_start_up_to_not_at_the_end(bank, make_user, make_submission):
    from mljudge.submissions.models import Status

    user, now = make_user(), timezone.now()
    session = start(user, now=now)
    problem = session.items.get().problem
    marks = {"at start": now, "just before the end": session.ends_at - timedelta(microseconds=1),
             "at the end": session.ends_at, "before the start": now - timedelta(seconds=1)}
    subs = {}
    for name, when in marks.items():
        subs[name] = make_submission(user, problem, status=Status.GRADED, verdict=Verdict.WRONG_ANSWER)
        _at(subs[name], when)
    summary = selectors.mock_summary(session=session, now=session.ends_at)
    assert not summary.running
    assert summary.lines[0].submission_ids == [subs["at start"].id, subs["just before the end"].id]


def test_ending_early_closes_the_session_and_unlocks_hints(bank, make_user, make_submission):
    from mljudge.submissions.models import Status

    user, now = make_user(), timezone.now()
    session = start(user, now=now - timedelta(minutes=5))
    problem = session.items.get().problem
    assert selectors.mock_session_active(user=user, problem=problem)
    assert not selectors.mock_session_active(user=user, problem=bank["essay"])
    session = services.mock_end(user=user, session_id=session.id, now=now)
    late = make_submission(user, problem, status=Status.GRADED, verdict=Verdict.ACCEPTED)
    _at(late, now + timedelta(seconds=1))
    assert not selectors.mock_session_active(user=user)
    summary = selectors.mock_summary(session=session, now=now + timedelta(seconds=2))
    assert (summary.end, summary.lines[0].attempts) == (now, 0)
    services.mock_end(user=user, session_id=session.id, now=now + timedelta(minutes=1))   # ending twice: unchanged
    session.refresh_from_db()
    assert session.ended_at == now


def test_the_summary_has_time_attempts_and_verdicts_per_problem(bank, make_user, make_submission):
    from mljudge.submissions.models import Status

    user, now = make_user(), timezone.now() - timedelta(minutes=9)
    session = start(user, now=now)
    problem = session.items.get().problem
    services.mock_problem_open(user=user, session_id=session.id, problem_id=problem.id, now=now + timedelta(minutes=1))
    wrong = make_submission(user, problem, status=Status.GRADED, verdict=Verdict.WRONG_ANSWER, score=0.0)
    right = make_submission(user, problem, status=Status.GRADED, verdict=Verdict.ACCEPTED, score=1.0)
    _at(wrong, now + timedelta(minutes=2))
    _at(right, now + timedelta(minutes=4))
    line = selectors.mock_summary(session=session, now=now + timedelta(minutes=10)).lines[0]
    assert (line.attempts, line.solved, line.seconds) == (2, True, 180.0)
    assert [label for _, label in line.verdict_pairs] == ["Wrong Answer", "Accepted"]


def test_a_design_answer_in_a_session_reaches_the_cohort_instructors(classroom):
    from mljudge.cohorts.selectors import reviewable_submissions
    from mljudge.problemset.models import Problem
    from mljudge.submissions.services import design_answer_create

    essay = Problem.objects.create(slug="essay", title="Essay", kind="design", difficulty="easy", statement_md="x",
                                   statement_html="x")
    session = services.mock_start(user=classroom["sam"], minutes=10, coding=1, with_design=True, source="t",
                                  now=timezone.now(), pool=services.mock_pool())
    assert session.items.filter(problem=essay).exists()
    answer = design_answer_create(user=classroom["sam"], problem=essay, answer="# Plan")
    assert reviewable_submissions(viewer=classroom["ida"]).filter(id=answer.id).exists()


def test_sessions_are_listed_on_the_owner_s_profile_only(client, bank, make_user):
    owner = make_user("mo")
    start(owner, now=timezone.now())
    client.force_login(owner)
    assert 'data-testid="mock-sessions"' in client.get("/users/mo/").content.decode()
    client.force_login(make_user("other"))
    assert 'data-testid="mock-sessions"' not in client.get("/users/mo/").content.decode()
