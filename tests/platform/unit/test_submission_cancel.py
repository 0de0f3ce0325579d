"""Cancelling a queued submission (issue 13): only its owner, only while queued; a claimed row cannot be
cancelled, and the worker skips a cancelled one. Through the service, the page's button and the API."""
from __future__ import annotations

import pytest
from django.urls import reverse

from mljudge.core.refusals import Reason, Refused
from mljudge.grading import services as grading_services
from mljudge.grading import states
from mljudge.submissions.models import Mode, Status, Submission
from mljudge.submissions.services import submission_cancel

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def queued(make_user, make_problem, make_submission):
    return make_submission(make_user("owner"), make_problem())


def test_it_cancels_the_owners_queued_submission_and_the_worker_skips_it(queued):
    cancelled = submission_cancel(user=queued.user, submission_id=queued.id)
    assert cancelled.status == Status.CANCELLED and cancelled.finished_at and cancelled.is_final
    # The grading message that was already on its way finds nothing to claim: no sandbox runs.
    assert grading_services.submission_grade(submission_id=queued.id) is grading_services.Outcome.NOT_CLAIMED
    assert states.submission_claim(submission_id=queued.id) is None
    queued.refresh_from_db()
    assert (queued.status, queued.attempts, queued.verdict) == (Status.CANCELLED, 0, "")


def test_it_refuses_once_a_worker_has_claimed_it(queued):
    assert states.submission_claim(submission_id=queued.id) is not None
    with pytest.raises(Refused) as info:
        submission_cancel(user=queued.user, submission_id=queued.id)
    assert info.value.reason is Reason.NOT_CANCELLABLE and "already running" in str(info.value)
    assert Submission.objects.get(id=queued.id).status == Status.RUNNING


def test_only_the_owner_may_cancel_and_others_learn_nothing(queued, make_user):
    from django.http import Http404

    with pytest.raises(Http404):
        submission_cancel(user=make_user("mallory"), submission_id=queued.id)
    staff = make_user("staff", staff=True)
    with pytest.raises(Http404):   # staff may read it, but it is not theirs to withdraw
        submission_cancel(user=staff, submission_id=queued.id)
    assert Submission.objects.get(id=queued.id).status == Status.QUEUED


def test_a_design_answer_is_not_cancelled(make_user, make_problem, make_submission):
    answer = make_submission(make_user(), make_problem("essay", kind="design"), mode=Mode.DESIGN,
                             status=Status.QUEUED)  # even a (hypothetical) queued one: no sandbox to spare
    assert states.submission_cancel(submission_id=answer.id, user_id=answer.user_id) is False


def test_a_cancelled_row_frees_its_in_flight_slot_and_is_never_requeued(queued, settings):
    submission_cancel(user=queued.user, submission_id=queued.id)
    # Long after: neither the takeover rule nor the re-send rule of the sweeper sees a cancelled row.
    settings.MLJUDGE_STUCK_AFTER_S = 0
    assert not states.submission_requeue(submission_id=queued.id, attempts=0)
    assert not Submission.objects.filter(states.stuck(), id=queued.id).exists()
    assert not Submission.objects.filter(states.unsent(), id=queued.id).exists()
    assert Submission.objects.filter(user=queued.user, status__in=Status.in_flight()).count() == 0


def test_the_panel_shows_a_cancel_button_to_the_owner_while_queued_and_it_works(client, queued, make_user):
    client.force_login(queued.user)
    panel = client.get(reverse("submissions:status", args=[queued.id])).content.decode()
    assert 'data-testid="cancel"' in panel
    response = client.post(reverse("submissions:cancel", args=[queued.id]), **HTMX)
    assert response.status_code == 200 and response["HX-Trigger"] == "submission-final"
    html = response.content.decode()
    assert 'data-status="cancelled"' in html and "Cancelled" in html and "every 1s" not in html
    assert 'data-testid="cancel"' not in html
    # Without htmx: back to the submission's page with a message.
    other = Submission.objects.create(user=queued.user, problem=queued.problem, mode=Mode.RUN,
                                      status=Status.QUEUED, source="x = 1\n", queued_at=queued.queued_at)
    response = client.post(reverse("submissions:cancel", args=[other.id]))
    assert response.status_code == 302
    assert f"Submission #{other.id} was cancelled." in client.get(response.url).content.decode()


def test_nobody_else_sees_the_button_or_may_press_it(client, queued, make_user):
    staff = make_user("staff", staff=True)
    client.force_login(staff)
    assert 'data-testid="cancel"' not in client.get(reverse("submissions:detail", args=[queued.id])).content.decode()
    assert client.post(reverse("submissions:cancel", args=[queued.id])).status_code == 404
    assert client.get(reverse("submissions:cancel", args=[queued.id])).status_code == 405


def test_a_refusal_in_the_panel_goes_beside_the_button(client, queued):
    states.submission_claim(submission_id=queued.id)
    client.force_login(queued.user)
    response = client.post(reverse("submissions:cancel", args=[queued.id]), **HTMX)
    assert response.status_code == 400
    assert response["HX-Retarget"] == f"#cancel-note-{queued.id}" and response["HX-Reswap"] == "innerHTML"
