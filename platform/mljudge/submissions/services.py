"""Creating submissions. The row is written first; grading is queued only when the transaction commits."""
from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from mljudge.core.markdown import render_user_markdown
from mljudge.core.refusals import Reason, Refused
from mljudge.grading.api import BrokerUnavailable, SourceRejected, draft_check, source_check
from mljudge.grading import states
from mljudge.grading.services import submission_enqueue
from mljudge.ops.logs import bind_submission
from mljudge.problemset.models import Kind, Problem

from .models import Draft, Mode, Status, Submission
from .selectors import submission_for_viewer

logger = logging.getLogger("mljudge.submissions")


# The longest design answer (and preview), in characters. The renderer is linear, and the worst input known
# of this size renders in about 65 ms (benchmarks/markdown_cost.py; tests/platform/security/test_markdown.py);
# the design problem's exemplar answer is 5,800. Forms, pages and messages render it from here.
ANSWER_MAX_CHARS = 8_000


class SubmissionRefused(Refused):
    """Not accepted (quotas, wrong kind of problem, an answer's limits); core.refusals has the reasons."""


__all__ = ["ANSWER_MAX_CHARS", "SourceRejected", "SubmissionRefused", "design_answer_create",
           "design_answer_preview", "draft_clear", "draft_save", "submission_cancel", "submission_create"]


def _check_caps(user: AbstractBaseUser) -> None:
    # Lock the user's row so two simultaneous requests cannot both pass the in-flight check.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    mine = Submission.objects.filter(user=user)
    in_flight = mine.filter(status__in=Status.in_flight()).count()
    if in_flight >= settings.MLJUDGE_MAX_IN_FLIGHT:
        raise SubmissionRefused(Reason.IN_FLIGHT, in_flight=in_flight, limit=settings.MLJUDGE_MAX_IN_FLIGHT)
    today = mine.filter(created_at__gte=timezone.now() - timedelta(days=1)).exclude(status=Status.SYSTEM_ERROR)
    if today.count() >= settings.MLJUDGE_DAILY_LIMIT:
        raise SubmissionRefused(Reason.DAILY_LIMIT, limit=settings.MLJUDGE_DAILY_LIMIT)


def submission_create(*, user: AbstractBaseUser, problem: Problem, source: bytes | str, mode: Mode) -> Submission:
    """Validates and stores a run or submission of code, and queues it for grading on commit."""
    if problem.kind == Kind.DESIGN or not problem.is_active:
        raise SubmissionRefused(Reason.NOT_A_CODE_PROBLEM)
    if mode not in (Mode.RUN, Mode.SUBMIT):
        raise SubmissionRefused(Reason.UNKNOWN_MODE)
    text = source_check(_lines_normalised(source))  # SourceRejected: nothing stored, nothing queued
    try:
        with transaction.atomic():
            _check_caps(user)
            submission = Submission.objects.create(
                user=user, problem=problem, problem_version=problem.current_version, mode=mode, source=text,
                status=Status.QUEUED, queued_at=timezone.now())
            bind_submission(submission.id)   # this request's later log records name it (mljudge.ops.logs)
            submission_enqueue(submission_id=submission.id)
    except BrokerUnavailable:
        # The row is committed (on_commit runs after the commit): the sweeper queues it once the broker is back.
        logger.error("submission %s stored but not queued: the broker is unavailable", submission.id)
    # Whether the message went out (sent_at, written on commit): the page says "grading is delayed" if not.
    submission.refresh_from_db(fields=["sent_at", "sends"])
    return submission


def submission_cancel(*, user: AbstractBaseUser, submission_id: int) -> Submission:
    """Withdraws the user's own run or submission while it is still queued (grading.states decides the race
    with a worker's claim). Http404 for another user's (ids are not confirmed to exist); NOT_CANCELLABLE once
    a worker has claimed it or it is final. The worker skips a cancelled row: its claim needs QUEUED."""
    submission = submission_for_viewer(viewer=user, submission_id=submission_id, own_only=True)
    if not states.submission_cancel(submission_id=submission.id, user_id=user.pk):
        submission.refresh_from_db(fields=["status"])
        raise SubmissionRefused(Reason.NOT_CANCELLABLE, id=submission.id,
                                status=submission.get_status_display().lower())
    submission.refresh_from_db()
    return submission


def _lines_normalised(source: bytes | str) -> bytes | str:
    # Line ends normalised before the size is checked (a browser's form sends CRLF), for every client alike.
    return source.replace(b"\r\n", b"\n") if isinstance(source, bytes) else source.replace("\r\n", "\n")


def _answer_checked(answer: str) -> str:
    answer = answer.replace("\r\n", "\n")
    if "\x00" in answer:
        raise SubmissionRefused(Reason.ANSWER_NUL)
    if len(answer) > ANSWER_MAX_CHARS:
        raise SubmissionRefused(Reason.ANSWER_TOO_LONG, length=len(answer), limit=ANSWER_MAX_CHARS)
    return answer


def design_answer_preview(*, answer: str) -> str:
    """The HTML that design_answer_create would store for this answer (same checks). Writes nothing."""
    return render_user_markdown(_answer_checked(answer))


def design_answer_create(*, user: AbstractBaseUser, problem: Problem, answer: str) -> Submission:
    """Stores a written answer to a design problem, rendered once here, for an instructor to review. No sandbox."""
    if problem.kind != Kind.DESIGN or not problem.is_active:
        raise SubmissionRefused(Reason.NOT_A_DESIGN_PROBLEM)
    answer = _answer_checked(answer)
    if not answer.strip():
        raise SubmissionRefused(Reason.ANSWER_EMPTY)
    answer_html = render_user_markdown(answer)  # outside the transaction: CPU work holds no lock
    with transaction.atomic():
        _check_caps(user)
        return Submission.objects.create(
            user=user, problem=problem, problem_version=problem.current_version, mode=Mode.DESIGN,
            source=answer, answer_html=answer_html, status=Status.AWAITING_REVIEW, queued_at=timezone.now())


def draft_save(*, user: AbstractBaseUser, problem: Problem, source: bytes | str) -> Draft:
    """Stores the user's editor draft of a code problem, replacing the previous one. Refused (SourceRejected,
    the previous draft kept) above a submission's size limit, with a NUL or invalid UTF-8: what cannot be
    submitted is not stored either."""
    if problem.kind == Kind.DESIGN or not problem.is_active:
        raise SubmissionRefused(Reason.NOT_A_CODE_PROBLEM)
    text = draft_check(_lines_normalised(source))
    draft, _ = Draft.objects.update_or_create(user=user, problem=problem, defaults={"source": text})
    return draft


def draft_clear(*, user: AbstractBaseUser, problem: Problem) -> None:
    """Forgets the draft: the editor starts from the starter code again ("Reset")."""
    Draft.objects.filter(user=user, problem=problem).delete()
