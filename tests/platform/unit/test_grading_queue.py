"""The grading queue is fair per user: round-robin by who was served least recently."""
from datetime import timedelta

import pytest
from django.utils import timezone

from mljudge.grading import queue, services
from mljudge.problemset.models import Problem
from mljudge.submissions.models import Mode, Status, Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def softmax(synced_problems):
    return Problem.objects.get(slug="softmax")


def _queued(user, problem, mode=Mode.SUBMIT):
    return Submission.objects.create(user=user, problem=problem, mode=mode, source="x", status=Status.QUEUED,
                                     queued_at=timezone.now())


def _order():
    return list(queue.queued_in_fair_order().values_list("id", flat=True))


def test_a_user_being_served_goes_behind_everyone_else(softmax, make_user):
    a, b, c = make_user(), make_user(), make_user()
    a1 = _queued(a, softmax)
    Submission.objects.filter(id=a1.id).update(status=Status.RUNNING, started_at=timezone.now())
    a2, a3 = _queued(a, softmax), _queued(a, softmax)
    b1 = _queued(b, softmax)
    c1 = _queued(c, softmax)
    # B and C were never served: they go first, in arrival order; then A's, oldest first.
    assert _order() == [b1.id, c1.id, a2.id, a3.id]
    assert queue.queue_position(submission=Submission.objects.get(id=c1.id)) == 1
    assert queue.queue_position(submission=Submission.objects.get(id=a3.id)) == 3
    assert queue.queue_position(submission=Submission.objects.get(id=a1.id)) is None  # running


def test_users_served_longest_ago_come_first(softmax, make_user):
    a, b = make_user(), make_user()
    old = _queued(b, softmax)
    Submission.objects.filter(id=old.id).update(status=Status.GRADED, started_at=timezone.now() - timedelta(hours=1))
    recent = _queued(a, softmax)
    Submission.objects.filter(id=recent.id).update(status=Status.GRADED, started_at=timezone.now())
    a1, b1 = _queued(a, softmax), _queued(b, softmax)
    assert _order() == [b1.id, a1.id]


def test_design_answers_are_not_in_the_grading_queue(softmax, make_user):
    user = make_user()
    Submission.objects.create(user=user, problem=softmax, mode=Mode.DESIGN, source="x", status=Status.QUEUED,
                              queued_at=timezone.now())
    assert _order() == []


def test_a_message_claims_the_fairest_row_whatever_row_it_names(softmax, make_user):
    a, b = make_user(), make_user()
    a1 = _queued(a, softmax)
    Submission.objects.filter(id=a1.id).update(status=Status.GRADED, started_at=timezone.now())
    a2 = _queued(a, softmax)
    b1 = _queued(b, softmax)
    claim = services.submission_claim_next(submission_id=a2.id)
    assert claim.submission.id == b1.id
    # A2's own message was used for B1; B1's message, arriving later, finds and claims A2: none is left.
    claim = services.submission_claim_next(submission_id=b1.id)
    assert claim.submission.id == a2.id
    assert services.submission_claim_next(submission_id=a2.id) is None  # a duplicate finds nothing
