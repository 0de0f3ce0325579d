from unittest import mock

import pytest

from mljudge.grading.api import SourceRejected
from mljudge.submissions.models import Mode, Status, Submission
from mljudge.submissions.services import SubmissionRefused, design_answer_create, submission_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def delay():
    with mock.patch("mljudge.grading.tasks.grade_submission.delay") as delay:
        yield delay


def test_it_writes_the_row_first_and_queues_only_on_commit(make_user, make_problem, delay,
                                                           django_capture_on_commit_callbacks):
    user, problem = make_user(), make_problem()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submission = submission_create(user=user, problem=problem, source=b"def f(x):\n    return x\n",
                                       mode=Mode.SUBMIT)
    assert Submission.objects.get(id=submission.id).status == Status.QUEUED
    assert not delay.called and len(callbacks) == 1
    callbacks[0]()
    delay.assert_called_once_with(submission.id)


@pytest.mark.parametrize("source, message", [
    (b"x = 1\n" + b"#" * (64 * 1024), "the limit is 65,536 bytes"),
    (b"def f(x):\n    return '\xff'\n", "not valid UTF-8 (byte 0xff on line 2)"),
    (b"   \n", "empty"),
], ids=["over-64KB", "not-utf8", "blank"])
def test_it_rejects_bad_source_before_storing_anything(make_user, make_problem, delay, source, message):
    with pytest.raises(SourceRejected, match=message.replace("(", r"\(").replace(")", r"\)")):
        submission_create(user=make_user(), problem=make_problem(), source=source, mode=Mode.SUBMIT)
    assert not Submission.objects.exists() and not delay.called


def test_it_refuses_a_third_submission_in_flight(make_user, make_problem, make_submission, delay, settings):
    settings.MLJUDGE_MAX_IN_FLIGHT = 2
    user, problem = make_user(), make_problem()
    make_submission(user, problem, status=Status.QUEUED)
    make_submission(user, problem, status=Status.RUNNING)
    make_submission(user, problem, status=Status.GRADED)
    with pytest.raises(SubmissionRefused, match="already have 2 submissions being graded"):
        submission_create(user=user, problem=problem, source="def f(x): return x", mode=Mode.RUN)
    # another user is not affected
    submission_create(user=make_user(), problem=problem, source="def f(x): return x", mode=Mode.RUN)


def test_it_refuses_past_the_daily_cap_not_counting_system_errors(make_user, make_problem, make_submission,
                                                                  delay, settings):
    settings.MLJUDGE_DAILY_LIMIT = 2
    user, problem = make_user(), make_problem()
    make_submission(user, problem, status=Status.GRADED)
    make_submission(user, problem, status=Status.SYSTEM_ERROR)
    submission_create(user=user, problem=problem, source="def f(x): return x", mode=Mode.SUBMIT)
    with pytest.raises(SubmissionRefused, match="limit of 2 runs and submissions in 24 hours"):
        submission_create(user=user, problem=problem, source="def f(x): return x", mode=Mode.SUBMIT)


def test_it_stores_design_answers_for_review_without_queueing(make_user, make_problem, delay):
    problem = make_problem("design-a-feed", kind="design")
    submission = design_answer_create(user=make_user(), problem=problem, answer="# Plan\n<script>x</script>")
    assert submission.status == Status.AWAITING_REVIEW and submission.mode == Mode.DESIGN
    assert not delay.called
    with pytest.raises(SubmissionRefused, match="takes code"):
        design_answer_create(user=make_user(), problem=make_problem(), answer="words")
    with pytest.raises(SubmissionRefused, match="does not take code"):
        submission_create(user=make_user(), problem=problem, source="x = 1", mode=Mode.SUBMIT)


@pytest.mark.django_db(transaction=True)
def test_it_keeps_the_row_queued_for_the_sweeper_when_the_broker_is_down(make_user, make_problem):
    from kombu.exceptions import OperationalError

    with mock.patch("mljudge.grading.tasks.grade_submission.delay", side_effect=OperationalError("refused")):
        submission = submission_create(user=make_user(), problem=make_problem(), source="def f(x): return x",
                                       mode=Mode.SUBMIT)
    assert Submission.objects.get(id=submission.id).status == Status.QUEUED
