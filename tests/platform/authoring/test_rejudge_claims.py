"""A rejudge claims its submission before it runs the sandbox (grading.states.rejudge_claim): a duplicated
delivery of the same rejudge message, one after the other or at the same time, runs the sandbox once. In-process,
with the local sandbox; tests/platform/authoring/test_rejudge_worker.py runs a real worker."""
import threading

import grader
import pytest
from django.db import connection

from mljudge.grading import rejudge, services
from mljudge.grading.models import ReportHistory
from mljudge.submissions.models import Status, Submission, Verdict

pytestmark = pytest.mark.django_db


def test_it_runs_the_sandbox_once_for_a_rejudge_delivered_twice_in_a_row(rejudgeable, counting_sandbox):
    sandbox = counting_sandbox()
    assert rejudge.submission_rejudge(submission_id=rejudgeable.id) is services.Outcome.GRADED
    runs = sandbox.runs
    assert rejudge.submission_rejudge(submission_id=rejudgeable.id) is services.Outcome.NOT_CLAIMED
    assert sandbox.runs == runs > 0
    rejudgeable.refresh_from_db()
    assert (rejudgeable.status, rejudgeable.verdict) == (Status.GRADED, Verdict.ACCEPTED)
    assert ReportHistory.objects.filter(submission=rejudgeable).count() == 1


def test_it_runs_the_sandbox_once_for_a_rejudge_delivered_twice_at_the_same_time(transactional_db, rejudgeable,
                                                                                 counting_sandbox):
    hold = threading.Event()
    sandbox = counting_sandbox(hold=hold)
    first: list = []

    def deliver() -> None:
        try:
            first.append(rejudge.submission_rejudge(submission_id=rejudgeable.id))
        finally:
            connection.close()  # this thread's own connection

    worker = threading.Thread(target=deliver)
    worker.start()
    try:
        assert sandbox.inside.wait(60), "the first delivery never reached the sandbox"
        # The duplicate arrives while the first delivery is grading.
        second = rejudge.submission_rejudge(submission_id=rejudgeable.id)
    finally:
        hold.set()
        worker.join(60)
    assert (first, second) == ([services.Outcome.GRADED], services.Outcome.NOT_CLAIMED)
    assert sandbox.graders == {worker.ident}
    rejudgeable.refresh_from_db()
    assert (rejudgeable.verdict, rejudgeable.problem_version_id) == \
        (Verdict.ACCEPTED, rejudgeable.problem.current_version_id)
    assert ReportHistory.objects.filter(submission=rejudgeable).count() == 1


@pytest.mark.parametrize("transient", [True, False])
def test_it_keeps_the_old_report_after_a_failed_rejudge_and_the_next_delivery_claims(
        rejudgeable, counting_sandbox, transient):
    counting_sandbox(error=grader.SandboxError("engine went away", transient=transient))
    if transient:
        with pytest.raises(services.TransientGradingError):
            rejudge.submission_rejudge(submission_id=rejudgeable.id)
    else:
        assert rejudge.submission_rejudge(submission_id=rejudgeable.id) is services.Outcome.FAILED
    row = Submission.objects.get(id=rejudgeable.id)
    assert (row.status, row.verdict, row.problem_version_id, row.rejudge_claim) == \
        (Status.GRADED, Verdict.WRONG_ANSWER, rejudgeable.problem_version_id, "")
    assert not ReportHistory.objects.exists()
    counting_sandbox()
    assert rejudge.submission_rejudge(submission_id=rejudgeable.id) is services.Outcome.GRADED  # the retry
