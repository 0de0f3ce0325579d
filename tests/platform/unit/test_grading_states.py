"""grading.states, the one owner of Submission.status: each transition moves a row from its from-state (held by
the caller's claim) and refuses, changing nothing, a row in any other state."""
from datetime import timedelta

import pytest
from django.utils import timezone

from mljudge.grading import states
from mljudge.problemset.models import Problem, ProblemVersion
from mljudge.submissions.models import Mode, Status, Submission, Verdict

pytestmark = pytest.mark.django_db

LONG_AGO = timedelta(hours=1)
FIELDS = {"verdict": Verdict.ACCEPTED, "score": 1.0, "passed": 2, "total": 2, "time_s": 0.01,
          "report": {"verdict": "accepted"}}


def other_than(*allowed: Status) -> list[Status]:
    return [s for s in Status if s not in allowed]


@pytest.fixture
def row(make_user, make_problem, make_submission):
    """row(status, **columns): a submission in that state, on its problem's current version."""
    user, problem = make_user(), make_problem()

    def make(status: Status, **kw) -> Submission:
        return make_submission(user, problem, status=status, **kw)

    return make


@pytest.fixture
def design_row(make_user, make_problem, make_submission):
    user, problem = make_user(), make_problem("essay", kind="design")

    def make(status: Status) -> Submission:
        return make_submission(user, problem, mode=Mode.DESIGN, status=status, source="An answer.")

    return make


def new_version(problem: Problem) -> ProblemVersion:
    version = ProblemVersion.objects.create(problem=problem, number=problem.versions.count() + 1,
                                           declared_version=1, content_hash=f"h{problem.versions.count() + 1}")
    Problem.objects.filter(id=problem.id).update(current_version=version)
    return version


def snapshot(submission: Submission) -> dict:
    return Submission.objects.values().get(id=submission.id)


# --- grading claims ---------------------------------------------------------------------------------------

def test_it_claims_a_queued_row(row):
    submission = row(Status.QUEUED)
    claim = states.submission_claim(submission_id=submission.id)
    assert claim is not None and claim.attempts == 1
    assert Submission.objects.values_list("status", "claimed_by").get(id=submission.id) == \
        (Status.RUNNING, states.worker_identity())


@pytest.mark.parametrize("status", other_than(Status.QUEUED, Status.RUNNING))
def test_it_claims_nothing_but_an_in_flight_row(row, status):
    submission = row(status, started_at=timezone.now() - LONG_AGO)
    before = snapshot(submission)
    assert states.submission_claim(submission_id=submission.id) is None
    assert snapshot(submission) == before


def test_it_takes_over_a_running_row_only_once_its_worker_went_silent(row):
    alive = row(Status.RUNNING, attempts=1, claimed_by="elsewhere:1:1", started_at=timezone.now() - LONG_AGO,
                heartbeat_at=timezone.now())
    silent = row(Status.RUNNING, attempts=1, claimed_by="elsewhere:1:1", started_at=timezone.now() - LONG_AGO,
                 heartbeat_at=timezone.now() - LONG_AGO)
    assert states.submission_claim(submission_id=alive.id) is None
    assert states.submission_claim(submission_id=silent.id).attempts == 2


@pytest.mark.parametrize("status", other_than(Status.RUNNING))
def test_it_releases_and_finishes_only_a_running_row(row, status):
    submission = row(status, attempts=1)
    claim = states.Claim(submission=submission, attempts=1)
    before = snapshot(submission)
    assert states.submission_release(claim=claim) is False
    assert states.submission_finish(claim=claim, fields=FIELDS) is False
    assert snapshot(submission) == before


def test_it_releases_and_finishes_only_the_claims_own_attempt(row):
    first = states.submission_claim(submission_id=row(Status.QUEUED).id)
    superseded = states.Claim(submission=first.submission, attempts=first.attempts - 1)
    assert states.submission_release(claim=superseded) is False
    assert states.submission_finish(claim=superseded, fields=FIELDS) is False
    assert states.submission_finish(claim=first, fields=FIELDS) is True
    graded = Submission.objects.get(id=first.submission.id)
    assert (graded.status, graded.verdict, graded.score) == (Status.GRADED, Verdict.ACCEPTED, 1.0)
    again = states.submission_claim(submission_id=row(Status.QUEUED).id)
    assert states.submission_release(claim=again) is True
    assert Submission.objects.values_list("status", "claimed_by").get(id=again.submission.id) == (Status.QUEUED, "")


@pytest.mark.parametrize("status", other_than(Status.QUEUED, Status.RUNNING))
def test_it_requeues_and_gives_up_only_an_in_flight_row(row, status):
    submission = row(status, attempts=1, queued_at=timezone.now() - LONG_AGO, started_at=timezone.now() - LONG_AGO)
    before = snapshot(submission)
    assert states.submission_requeue(submission_id=submission.id, attempts=1) is False
    assert states.submission_give_up(submission_id=submission.id, status=status, attempts=1, detail="x") is False
    assert snapshot(submission) == before


def test_it_requeues_a_stuck_row_but_not_one_that_showed_life_since_the_sweeper_looked(row):
    stuck = row(Status.RUNNING, attempts=1, started_at=timezone.now() - LONG_AGO,
                heartbeat_at=timezone.now() - LONG_AGO)
    beating = row(Status.RUNNING, attempts=1, started_at=timezone.now() - LONG_AGO, heartbeat_at=timezone.now())
    assert states.submission_requeue(submission_id=stuck.id, attempts=1) is True
    assert states.submission_requeue(submission_id=beating.id, attempts=1) is False
    assert Submission.objects.get(id=stuck.id).status == Status.QUEUED
    assert Submission.objects.get(id=beating.id).status == Status.RUNNING


def test_it_gives_up_on_an_in_flight_row_as_it_was_seen(row):
    submission = row(Status.RUNNING, attempts=2)
    assert states.submission_give_up(submission_id=submission.id, status=Status.RUNNING, attempts=1,
                                     detail="x") is False
    assert states.submission_give_up(submission_id=submission.id, status=Status.RUNNING, attempts=2,
                                     detail="sandbox: gone") is True
    submission.refresh_from_db()
    assert (submission.status, submission.verdict) == (Status.SYSTEM_ERROR, Verdict.SYSTEM_ERROR)
    assert "not caused by your code" in submission.message and "sandbox: gone" in submission.message


# --- design answers ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("transition", "status"), [
    (transition, status)
    for transition, allowed in ((states.design_answer_grade, Status.AWAITING_REVIEW),
                                (states.design_answer_regrade, Status.GRADED))
    for status in other_than(allowed)])
def test_it_grades_and_regrades_a_design_answer_only_from_its_own_state(design_row, transition, status):
    submission = design_row(status)
    before = snapshot(submission)
    assert transition(submission_id=submission.id, score=0.5) is False
    assert snapshot(submission) == before


def test_it_grades_a_design_answer_then_regrades_it(design_row, row):
    submission = design_row(Status.AWAITING_REVIEW)
    assert states.design_answer_grade(submission_id=submission.id, score=0.5) is True
    assert Submission.objects.values_list("status", "score").get(id=submission.id) == (Status.GRADED, 0.5)
    assert states.design_answer_grade(submission_id=submission.id, score=0.9) is False  # published once
    assert states.design_answer_regrade(submission_id=submission.id, score=0.75) is True
    assert Submission.objects.values_list("status", "score").get(id=submission.id) == (Status.GRADED, 0.75)
    code = row(Status.AWAITING_REVIEW)   # not a design answer: never graded by a rubric
    assert states.design_answer_grade(submission_id=code.id, score=0.5) is False


# --- rejudging --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("status", other_than(Status.GRADED))
def test_it_claims_a_rejudge_only_of_a_graded_submission(row, status):
    submission = row(status)
    new_version(submission.problem)
    before = snapshot(submission)
    assert states.rejudge_claim(submission_id=submission.id) is None
    assert snapshot(submission) == before


def test_it_claims_a_rejudge_only_of_a_submission_on_an_older_version(row, design_row):
    current = row(Status.GRADED)
    assert states.rejudge_claim(submission_id=current.id) is None   # a re-delivered message: already rejudged
    run = row(Status.GRADED, mode=Mode.RUN)
    design = design_row(Status.GRADED)
    new_version(current.problem)
    new_version(design.problem)
    assert states.rejudge_claim(submission_id=run.id) is None
    assert states.rejudge_claim(submission_id=design.id) is None
    claim = states.rejudge_claim(submission_id=current.id)
    assert claim is not None and claim.version_id == Problem.objects.get(id=current.problem_id).current_version_id
    assert Submission.objects.values_list("status", "rejudge_claim").get(id=current.id) == (Status.GRADED, claim.token)


def test_it_takes_a_held_rejudge_over_only_from_a_dead_or_silent_worker(row):
    live = f"{states.worker_identity()}/other-claim"
    dead = f"{states.worker_identity().split(':')[0]}:999999999:123/dead-claim"
    held_alive = row(Status.GRADED, rejudge_claim=live, heartbeat_at=timezone.now())
    held_silent = row(Status.GRADED, rejudge_claim=live, heartbeat_at=timezone.now() - LONG_AGO)
    held_dead = row(Status.GRADED, rejudge_claim=dead, heartbeat_at=timezone.now())
    new_version(held_alive.problem)
    assert states.rejudge_claim(submission_id=held_alive.id) is None
    assert states.rejudge_claim(submission_id=held_silent.id) is not None
    assert states.rejudge_claim(submission_id=held_dead.id) is not None
    assert Submission.objects.get(id=held_alive.id).rejudge_claim == live


@pytest.mark.parametrize("status", other_than(Status.GRADED))
def test_it_finishes_and_releases_a_rejudge_only_of_a_graded_row(row, status):
    submission = row(status, rejudge_claim="host:1:1/token")
    claim = states.RejudgeClaim(submission=submission, token="host:1:1/token",
                                version_id=new_version(submission.problem).id)
    before = snapshot(submission)
    assert states.rejudge_finish(claim=claim, fields=FIELDS) is False
    assert states.rejudge_release(claim=claim) is False
    assert snapshot(submission) == before


def test_it_finishes_and_releases_a_rejudge_only_for_the_claim_that_holds_it(row):
    submission = row(Status.GRADED, verdict=Verdict.WRONG_ANSWER)
    v2 = new_version(submission.problem)
    claim = states.rejudge_claim(submission_id=submission.id)
    superseded = states.RejudgeClaim(submission=submission, token="host:1:1/an-older-claim", version_id=v2.id)
    assert states.rejudge_finish(claim=superseded, fields=FIELDS) is False
    assert states.rejudge_release(claim=superseded) is False
    assert states.rejudge_finish(claim=claim, fields=FIELDS) is True
    assert Submission.objects.values_list("status", "verdict", "problem_version_id", "rejudge_claim").get(
        id=submission.id) == (Status.GRADED, Verdict.ACCEPTED, v2.id, "")
    assert states.rejudge_release(claim=claim) is False   # finished: nothing left to release
