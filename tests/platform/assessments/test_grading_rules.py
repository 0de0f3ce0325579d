"""The gradebook, computed from submission rows by assessments.policy's rules: late policies, extensions, which
submission counts, and a rejudge that changes a cell."""
from __future__ import annotations

from datetime import timedelta

import pytest

from mljudge.assessments import policy
from mljudge.assessments.models import Counting, LatePolicy
from mljudge.submissions.models import Status, Verdict

from .conftest import T0, cell

pytestmark = [pytest.mark.django_db, pytest.mark.services]
LATER = T0 + timedelta(days=30)   # "now": long after everything, results visible


def test_it_counts_nothing_after_the_due_time_without_a_late_policy(classroom, assignment_of, graded):
    assignment = assignment_of(late_policy=LatePolicy.NONE)
    graded(classroom["sam"], classroom["toy"], T0 + timedelta(seconds=1))
    graded(classroom["tia"], classroom["toy"], T0 - timedelta(seconds=1))
    late, on_time = cell(assignment, classroom["sam"], now=LATER), cell(assignment, classroom["tia"], now=LATER)
    assert (late.points, late.attempts) == (None, 0)
    assert (on_time.points, on_time.late_days, on_time.solved) == (10, 0, True)


@pytest.mark.parametrize("after, days, points", [
    (timedelta(seconds=1), 1, 8.0),          # a started day is a day
    (timedelta(days=1), 1, 8.0),
    (timedelta(days=1, seconds=1), 2, 6.0),
    (timedelta(days=3), 3, 4.0),             # the cut-off itself still counts
])
def test_it_takes_a_penalty_per_started_day_up_to_the_cut_off(classroom, assignment_of, graded, after, days, points):
    assignment = assignment_of(late_policy=LatePolicy.PER_DAY, late_percent_per_day=20, late_cutoff_days=3)
    graded(classroom["sam"], classroom["toy"], T0 + after)
    got = cell(assignment, classroom["sam"], now=LATER)
    assert (got.late_days, got.points, got.late) == (days, points, True)


def test_it_counts_nothing_after_the_cut_off(classroom, assignment_of, graded):
    assignment = assignment_of(late_policy=LatePolicy.PER_DAY, late_percent_per_day=20, late_cutoff_days=3)
    graded(classroom["sam"], classroom["toy"], T0 + timedelta(days=3, seconds=1))
    assert cell(assignment, classroom["sam"], now=LATER).points is None


def test_a_penalty_never_goes_below_zero(classroom, assignment_of, graded):
    assignment = assignment_of(late_policy=LatePolicy.PER_DAY, late_percent_per_day=60, late_cutoff_days=5)
    graded(classroom["sam"], classroom["toy"], T0 + timedelta(days=2))
    assert cell(assignment, classroom["sam"], now=LATER).points == 0


def test_an_extension_lets_one_student_submit_late_without_penalty(classroom, assignment_of, graded):
    from mljudge.assessments.services import extension_grant

    assignment = assignment_of(late_policy=LatePolicy.PER_DAY, late_percent_per_day=50, late_cutoff_days=1)
    extension_grant(instructor=classroom["ida"], assignment_id=assignment.id, username="sam",
                    due_at=T0 + timedelta(days=2))
    graded(classroom["sam"], classroom["toy"], T0 + timedelta(days=1, hours=12))
    graded(classroom["tia"], classroom["toy"], T0 + timedelta(days=1, hours=12))
    sam, tia = cell(assignment, classroom["sam"], now=LATER), cell(assignment, classroom["tia"], now=LATER)
    assert (sam.points, sam.late_days, sam.extended) == (10, 0, True)
    assert tia.points is None   # past her cut-off (one day after the assignment's due time)


def test_an_extension_cannot_end_before_the_due_time_nor_go_to_a_non_member(classroom, assignment_of, make_user):
    from mljudge.assessments.services import AssessmentRefused, extension_grant
    from mljudge.core.refusals import Reason

    assignment = assignment_of()
    make_user("outsider")
    with pytest.raises(AssessmentRefused) as early:
        extension_grant(instructor=classroom["ida"], assignment_id=assignment.id, username="sam", due_at=T0)
    with pytest.raises(AssessmentRefused) as stranger:
        extension_grant(instructor=classroom["ida"], assignment_id=assignment.id, username="outsider",
                        due_at=T0 + timedelta(days=1))
    assert (early.value.reason, stranger.value.reason) == (Reason.EXTENSION_TOO_EARLY, Reason.EXTENSION_NOT_MEMBER)


@pytest.mark.parametrize("counting, points, counted", [(Counting.LAST, 0, "last"), (Counting.BEST, 10, "best")])
def test_it_counts_the_last_or_the_best_submission(classroom, assignment_of, graded, counting, points, counted):
    assignment = assignment_of(counting=counting)
    best = graded(classroom["sam"], classroom["toy"], T0 - timedelta(hours=3))
    last = graded(classroom["sam"], classroom["toy"], T0 - timedelta(hours=1), verdict=Verdict.WRONG_ANSWER, score=0.5)
    got = cell(assignment, classroom["sam"], now=LATER)
    assert got.points == points and got.attempts == 2
    assert got.counted_id == {"last": last, "best": best}[counted].id


def test_best_compares_after_the_late_penalty(classroom, assignment_of, graded):
    assignment = assignment_of(counting=Counting.BEST, late_policy=LatePolicy.PER_DAY, late_percent_per_day=50,
                               late_cutoff_days=2, problems=[("pair", 10)])
    from mljudge.problemset.models import Problem

    Problem.objects.filter(slug="pair").update(kind="scored", score_threshold=1.0)
    on_time = graded(classroom["sam"], classroom["pair"], T0 - timedelta(hours=1), verdict=Verdict.WRONG_ANSWER,
                     score=0.6)
    graded(classroom["sam"], classroom["pair"], T0 + timedelta(hours=1))   # full marks, but late: 5 points
    got = cell(assignment, classroom["sam"], now=LATER)
    assert (got.counted_id, got.points) == (on_time.id, 6.0)


def test_a_rejudge_changes_the_gradebook_cell(classroom, assignment_of, graded, make_problem):
    from mljudge.grading import states

    assignment = assignment_of()
    sub = graded(classroom["sam"], classroom["toy"], T0 - timedelta(hours=1), verdict=Verdict.WRONG_ANSWER, score=0.5)
    assert cell(assignment, classroom["sam"], now=LATER).points == 0
    make_problem("toy", content_hash="h2")   # the problem changed: a new version, the row is due a rejudge
    claim = states.rejudge_claim(submission_id=sub.id)
    assert claim is not None
    assert states.rejudge_finish(claim=claim, fields={"verdict": Verdict.ACCEPTED, "score": 1.0, "passed": 2,
                                                      "total": 2})
    assert cell(assignment, classroom["sam"], now=LATER).points == 10


def test_only_what_a_member_shares_counts(classroom, assignment_of, graded, make_user):
    from mljudge.cohorts.services import cohort_join

    assignment = assignment_of(opens_at=T0 - timedelta(days=30))
    newcomer = make_user("uma")
    graded(newcomer, classroom["toy"], T0 - timedelta(days=20))   # before joining, not shared
    cohort_join(user=newcomer, token=classroom["cohort"].invite_token)
    from mljudge.cohorts.models import Membership

    Membership.objects.filter(user=newcomer).update(accepted_at=T0 - timedelta(days=10))
    assert cell(assignment, newcomer, now=LATER).points is None


def test_pending_and_runs_do_not_count(classroom, assignment_of, graded):
    from mljudge.submissions.models import Mode

    assignment = assignment_of()
    graded(classroom["sam"], classroom["toy"], T0 - timedelta(hours=2), mode=Mode.RUN)
    graded(classroom["sam"], classroom["toy"], T0 - timedelta(hours=1), status=Status.QUEUED)
    got = cell(assignment, classroom["sam"], now=LATER)
    assert (got.points, got.attempts, got.pending) == (None, 1, 1)


def test_the_policy_rounds_late_days_up():
    assert policy.days_late(submitted_at=T0, due=T0) == 0
    assert policy.days_late(submitted_at=T0 + timedelta(microseconds=1), due=T0) == 1
    assert policy.days_late(submitted_at=T0 + timedelta(days=2), due=T0) == 2
