"""The pipeline's state machine, driven in-process with the (unsafe, fast) local sandbox or a fake one.
The real worker, Redis and Docker are exercised in tests/platform/pipeline/."""
from datetime import timedelta
from unittest import mock

import grader
import pytest
from django.utils import timezone

from mljudge.grading import services
from mljudge.problemset.models import Problem
from mljudge.submissions.models import Mode, Status, Submission, Verdict

from ..conftest import PROBLEMS

pytestmark = pytest.mark.django_db

REFERENCE = (PROBLEMS / "softmax" / "reference.py").read_text()
WRONG = (PROBLEMS / "softmax" / "wrong" / "naive_no_max.py").read_text()


@pytest.fixture
def softmax(synced_problems, local_pool):
    with mock.patch.object(services, "sandbox_pool", return_value=local_pool):
        yield Problem.objects.get(slug="softmax")


class FailingSandbox:
    name = "failing"

    def __init__(self, transient: bool):
        self.transient = transient

    def run(self, **_):
        raise grader.SandboxError("engine went away", transient=self.transient)


def test_it_mirrors_the_graders_verdicts():
    assert set(Verdict.values) == {v.value for v in grader.Verdict}


def test_it_grades_a_queued_submission_and_stores_the_report(softmax, make_user, make_submission):
    submission = make_submission(make_user(), softmax, source=REFERENCE)
    assert services.submission_grade(submission_id=submission.id) is services.Outcome.GRADED
    submission.refresh_from_db()
    assert (submission.status, submission.verdict, submission.attempts) == (Status.GRADED, Verdict.ACCEPTED, 1)
    assert submission.passed == submission.total > 2 and submission.report["tests"]
    assert submission.progress is None and submission.finished_at


def test_it_runs_only_public_cases_for_a_run(softmax, make_user, make_submission):
    submission = make_submission(make_user(), softmax, source=WRONG, mode=Mode.RUN)
    services.submission_grade(submission_id=submission.id)
    submission.refresh_from_db()
    assert submission.report["public_only"] is True
    assert {t["visibility"] for t in submission.report["tests"]} == {"public"}


def test_it_ignores_a_redelivered_task_for_a_graded_row(softmax, make_user, make_submission):
    submission = make_submission(make_user(), softmax, source=REFERENCE)
    services.submission_grade(submission_id=submission.id)
    assert services.submission_grade(submission_id=submission.id) is services.Outcome.NOT_CLAIMED
    submission.refresh_from_db()
    assert submission.attempts == 1


def test_it_does_not_take_over_a_row_a_live_worker_is_grading(make_user, make_problem, make_submission):
    submission = make_submission(make_user(), make_problem(), status=Status.RUNNING, attempts=1,
                                 claimed_by=services.worker_identity(), started_at=timezone.now())
    assert services.submission_claim(submission_id=submission.id) is None


def test_it_takes_over_a_row_whose_worker_died(make_user, make_problem, make_submission):
    dead = f"{services.worker_identity().split(':')[0]}:999999999:123"
    submission = make_submission(make_user(), make_problem(), status=Status.RUNNING, attempts=1,
                                 claimed_by=dead, started_at=timezone.now())
    claim = services.submission_claim(submission_id=submission.id)
    assert claim is not None and claim.attempts == 2
    assert Submission.objects.get(id=submission.id).claimed_by == services.worker_identity()


def test_it_discards_a_result_from_a_superseded_claim(softmax, make_user, make_submission):
    submission = make_submission(make_user(), softmax, source=REFERENCE)
    claim = services.submission_claim(submission_id=submission.id)
    Submission.objects.filter(id=submission.id).update(attempts=2)  # someone re-claimed it meanwhile
    report = grader.Report(problem="softmax", problem_version=1, verdict=grader.Verdict.ACCEPTED, score=1.0)
    assert services.submission_complete(claim=claim, report=report) is False
    assert Submission.objects.get(id=submission.id).status == Status.RUNNING


def test_it_requeues_on_a_transient_sandbox_error_then_gives_up(softmax, make_user, make_submission, settings):
    settings.MLJUDGE_MAX_ATTEMPTS = 2
    submission = make_submission(make_user(), softmax, source=REFERENCE)
    with mock.patch.object(services, "sandbox_pool", return_value=FailingSandbox(transient=True)):
        with pytest.raises(services.TransientGradingError):
            services.submission_grade(submission_id=submission.id)
        submission.refresh_from_db()
        assert (submission.status, submission.attempts) == (Status.QUEUED, 1)
        assert services.submission_grade(submission_id=submission.id) is services.Outcome.FAILED
    submission.refresh_from_db()
    assert (submission.status, submission.verdict, submission.attempts) == (Status.SYSTEM_ERROR, Verdict.SYSTEM_ERROR, 2)
    assert "not caused by your code" in submission.message


def test_it_claims_nothing_while_the_sandbox_engine_is_down(softmax, make_user, make_submission):
    # A backlog's messages would otherwise claim, fail and release the same rows within milliseconds, using up
    # their attempts before any back-off (a dockerd restart in benchmarks/fault_recovery.py).
    submission = make_submission(make_user(), softmax, source=REFERENCE)
    with mock.patch.object(services, "sandbox_engine_ready", return_value=False):
        for _ in range(5):
            with pytest.raises(services.EngineDown, match="not reachable"):
                services.submission_grade(submission_id=submission.id)
    submission.refresh_from_db()
    assert (submission.status, submission.attempts) == (Status.QUEUED, 0)
    assert services.submission_grade(submission_id=submission.id) is services.Outcome.GRADED


def test_it_does_not_retry_a_permanent_sandbox_error(softmax, make_user, make_submission):
    submission = make_submission(make_user(), softmax, source=REFERENCE)
    with mock.patch.object(services, "sandbox_pool", return_value=FailingSandbox(transient=False)):
        assert services.submission_grade(submission_id=submission.id) is services.Outcome.FAILED
    assert Submission.objects.get(id=submission.id).status == Status.SYSTEM_ERROR


def test_it_sweeps_stuck_rows_and_gives_up_after_the_last_attempt(make_user, make_problem, make_submission,
                                                                  settings):
    settings.MLJUDGE_STUCK_AFTER_S, settings.MLJUDGE_MAX_ATTEMPTS = 60, 3
    user, problem, long_ago = make_user(), make_problem(), timezone.now() - timedelta(minutes=5)
    # Sent long ago and the broker cannot be counted: re-sent once per MLJUDGE_STUCK_AFTER_S.
    lost_message = make_submission(user, problem, queued_at=long_ago, sent_at=long_ago)
    never_sent = make_submission(user, problem, sent_at=None)
    just_sent = make_submission(user, problem)
    dead_worker = make_submission(user, problem, status=Status.RUNNING, attempts=1, started_at=long_ago,
                                  queued_at=long_ago, claimed_by="elsewhere:1:1")
    exhausted = make_submission(user, problem, status=Status.RUNNING, attempts=3, started_at=long_ago,
                                queued_at=long_ago)
    fresh = make_submission(user, problem, status=Status.RUNNING, attempts=1, started_at=timezone.now())
    # Started long ago but still beating: a legitimately long grade is not taken away from its worker.
    long_but_alive = make_submission(user, problem, status=Status.RUNNING, attempts=1, started_at=long_ago,
                                     heartbeat_at=timezone.now())
    went_quiet = make_submission(user, problem, status=Status.RUNNING, attempts=1, started_at=long_ago,
                                 heartbeat_at=long_ago)
    with mock.patch.object(services, "_send") as send, \
            mock.patch.object(services.broker, "message_counts", return_value=None):
        result = services.stuck_submissions_sweep()
    assert sorted(result.requeued) == [dead_worker.id, went_quiet.id]
    assert result.resent == [never_sent.id, lost_message.id]  # never sent first
    assert result.failed == [exhausted.id]
    assert sorted(c.kwargs["submission_id"] for c in send.call_args_list) == \
        sorted(result.requeued + result.resent)
    assert just_sent.id not in result.resent
    assert Submission.objects.get(id=long_but_alive.id).status == Status.RUNNING
    assert Submission.objects.get(id=dead_worker.id).status == Status.QUEUED
    assert Submission.objects.get(id=exhausted.id).status == Status.SYSTEM_ERROR
    assert Submission.objects.get(id=fresh.id).status == Status.RUNNING


class SlowSandbox:
    """Takes a while, then fails for good; records what the row looked like meanwhile."""

    name = "slow"

    def __init__(self, submission_id: int):
        self.submission_id = submission_id
        self.seen = None

    def run(self, **_):
        import time

        time.sleep(2.6)
        self.seen = Submission.objects.values("started_at", "heartbeat_at").get(id=self.submission_id)
        raise grader.SandboxError("done waiting", transient=False)


def test_a_long_grade_keeps_beating_so_the_sweeper_leaves_it_alone(transactional_db, softmax, make_user,
                                                                    make_submission, settings):
    settings.MLJUDGE_STUCK_AFTER_S = 4  # beats every second
    submission = make_submission(make_user(), softmax, source=REFERENCE)
    sandbox = SlowSandbox(submission.id)
    with mock.patch.object(services, "sandbox_pool", return_value=sandbox):
        services.submission_grade(submission_id=submission.id)
    assert sandbox.seen["heartbeat_at"] - sandbox.seen["started_at"] >= timedelta(seconds=1.5)
