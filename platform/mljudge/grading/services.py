"""The grading pipeline: claim a queued row (fairly), grade it outside any transaction, store the report. Every
change of a row's status is a transition of grading.states (the state machine); this module decides when."""
from __future__ import annotations

import enum
import logging
import socket
from dataclasses import dataclass

import grader
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import F
from django.db.models.functions import Now

from mljudge.leaderboards.services import best_result_record
from mljudge.learning.services import editorial_unlock_on_solve
from mljudge.submissions.models import Mode, Status, Submission

from . import broker, queue, states, versions
from .reports import progress_recorder, report_fields
from .sandboxes import sandbox_engine_ready, sandbox_pool
# The pipeline's transitions, re-exported for its callers (tasks, tests); defined once, in grading.states.
from .states import Claim, submission_claim, submission_give_up, submission_release, worker_identity  # noqa: F401

logger = logging.getLogger("mljudge.grading")


class Outcome(enum.StrEnum):
    GRADED = "graded"
    NOT_CLAIMED = "not_claimed"    # someone else has it, or it is already final
    STALE = "stale"                # graded, but the row was re-claimed meanwhile: result discarded
    FAILED = "failed"              # ended as system_error


class TransientGradingError(Exception):
    """The sandbox failed in a way worth retrying; the row is back in `queued`."""


class EngineDown(TransientGradingError):
    """This worker's Docker engine does not answer: nothing was claimed, no attempt used; the task retries soon
    (tasks.ENGINE_DOWN_RETRY_S), since the engine is usually back within seconds (a daemon restart)."""


# The database cannot be reached (down, restarting, a connection cut): transient, the task retries with
# back-off (tasks.grade_submission) and never acknowledges the message as done.
DATABASE_DOWN = (OperationalError, InterfaceError)


class HandedBack(TransientGradingError):
    """This host cannot grade the problem version the row was made against; the row is back in `queued`
    with its attempt undone, for any host to take (the retry's message may go to another)."""



def submission_complete(*, claim: Claim, report: grader.Report) -> bool:
    """Stores the report in one short transaction; False if the row was re-claimed meanwhile."""
    with transaction.atomic():
        finished = states.submission_finish(claim=claim, fields=report_fields(report))
        if finished:
            best_result_record(submission=claim.submission)
            if claim.submission.mode == Mode.SUBMIT and report.verdict is grader.Verdict.ACCEPTED:
                editorial_unlock_on_solve(user_id=claim.submission.user_id, problem_id=claim.submission.problem_id)
    return finished


def submission_enqueue(*, submission_id: int) -> None:
    """Queues grading once the current transaction commits (immediately outside one), and records the send
    (states.submission_sent) only once the broker took the message: a row the broker never got keeps
    sent_at NULL, which the status page reports and the sweeper re-sends first. Raises BrokerUnavailable
    (kombu's OperationalError) when the broker cannot be reached within its socket timeouts."""
    transaction.on_commit(lambda: _send(submission_id=submission_id))


def _send(*, submission_id: int) -> None:
    from .tasks import grade_submission

    grade_submission.delay(submission_id)
    states.submission_sent(submission_id=submission_id)


# --- grading ---------------------------------------------------------------------------------------

def _progress_recorder(*, claim: Claim, total: int):
    """Stores each test as it is judged (as the solver sees it: grading.reports), so the page shows rows
    arriving while the rest is graded; each row is also a sign of life. Best effort: a database blip costs
    a progress row, not the grade (the report is stored at the end, or the task retries)."""
    def store(progress) -> None:
        try:
            claim.held().update(progress=progress, heartbeat_at=Now())
        except DATABASE_DOWN as exc:
            logger.warning("submission %s: progress not stored: %s", claim.submission.id, exc)
            connection.close()  # a broken connection stays broken: the next write opens a new one

    return progress_recorder(total=total, store=store)


def submission_claim_next(*, submission_id: int) -> Claim | None:
    """The claim a grading message leads to: the row it names if that row's worker died (a re-delivered
    message takes it over), otherwise the fairest queued row (grading.queue), which may be another user's."""
    status = Submission.objects.filter(id=submission_id).values_list("status", flat=True).first()
    if status == Status.RUNNING:
        claim = submission_claim(submission_id=submission_id)
        if claim is not None:
            return claim
    # Whatever the message names, it stands for one queued row: its own may have been graded by another
    # row's message already, so it always goes on to the fairest one.
    for candidate in queue.queued_in_fair_order().values_list("id", flat=True)[:20]:
        claim = submission_claim(submission_id=candidate)
        if claim is not None:
            return claim
    return None


def submission_grade(*, submission_id: int) -> Outcome:
    """Claims (fairly), grades outside any transaction, stores. Raises TransientGradingError to ask for a
    retry."""
    if not sandbox_engine_ready():
        # Nothing claimed, no attempt used: the task retries with back-off until the engine answers again.
        raise EngineDown("the sandbox engine is not reachable")
    claim = submission_claim_next(submission_id=submission_id)
    if claim is None:
        return Outcome.NOT_CLAIMED
    try:
        return _grade_claimed(claim=claim)
    except DATABASE_DOWN:
        # The database went away mid-grade: hand the row back if it can be reached again already, else it
        # is taken over after the silence bound; either way the task retries (tasks.grade_submission).
        connection.close()
        try:
            submission_release(claim=claim)
        except DATABASE_DOWN:
            pass
        raise


def _grade_claimed(*, claim: Claim) -> Outcome:
    submission_id = claim.submission.id
    submission = claim.submission
    try:
        if submission.mode not in (Mode.RUN, Mode.SUBMIT):
            raise ValueError(f"a {submission.mode} submission is not graded by the sandbox")
        problem = versions.grading_problem(slug=submission.problem.slug,
                                           content_hash=versions.version_hash(submission.problem_version_id))
        public_only = submission.mode == Mode.RUN
        total = sum(1 for c in problem.cases() if c.public or not public_only)
        # The full report (hidden inputs/outputs too) is stored for instructors; every solver-facing path
        # shows it through grading.reports.solver_view.
        with states.heartbeat(claim=claim, budget_s=states.grade_budget_s(problem, cases=total)):
            report = grader.grade(problem, submission.source, sandbox=sandbox_pool(problem.runtime),
                                  public_only=public_only, reveal_hidden=True,
                                  on_test=_progress_recorder(claim=claim, total=total))
    except versions.VersionUnavailable as exc:
        if submission.sends >= settings.MLJUDGE_MAX_SENDS:
            # Handed back (or re-sent) this often: no host has this version's folder or bundle. Our failure,
            # said so, rather than a row queued for ever.
            logger.error("submission %s: no worker host can grade its problem version: %s", submission_id, exc)
            submission_give_up(submission_id=submission_id, status=Status.RUNNING, attempts=claim.attempts,
                               detail=f"no worker host can grade this problem version ({exc})")
            return Outcome.FAILED
        logger.warning("submission %s: handed back to the queue, not graded here: this host cannot grade %s",
                       submission_id, exc)
        states.submission_hand_back(claim=claim)
        raise HandedBack(str(exc)) from exc
    except grader.SandboxError as exc:
        if exc.transient and claim.attempts < settings.MLJUDGE_MAX_ATTEMPTS:
            logger.warning("submission %s: sandbox failed (attempt %d), retrying: %s", submission_id,
                           claim.attempts, exc)
            submission_release(claim=claim)
            raise TransientGradingError(str(exc)) from exc
        submission_give_up(submission_id=submission_id, status=Status.RUNNING, attempts=claim.attempts,
                           detail=f"sandbox: {exc}")
        return Outcome.FAILED
    except DATABASE_DOWN:
        raise
    except Exception as exc:  # our bug or a broken problem folder: never the user's fault, never retried
        logger.exception("submission %s: grading failed", submission_id)
        submission_give_up(submission_id=submission_id, status=Status.RUNNING, attempts=claim.attempts,
                           detail=f"{type(exc).__name__}")
        return Outcome.FAILED
    if not submission_complete(claim=claim, report=report):
        logger.warning("submission %s: re-claimed while grading; this result is discarded", submission_id)
        return Outcome.STALE
    return Outcome.GRADED


# --- recovery: the sweeper and worker start-up --------------------------------------------------------

@dataclass
class SweepResult:
    requeued: list[int]    # running rows whose worker went silent, back in the queue with a message
    resent: list[int]      # queued rows whose message was lost, sent again
    failed: list[int]      # rows that used up their attempts: system_error


def stuck_submissions_sweep(*, limit: int = 500) -> SweepResult:
    """Brings back what lost its worker or its message, and nothing else (every deadline on the database's
    clock, grading.states):
    - a RUNNING row whose worker went silent (states.stuck) goes back to QUEUED with a new message, or ends
      as system_error once its attempts are used up;
    - QUEUED rows get new messages only as many as the broker lacks: (queued rows) - (messages ready in the
      grading queue) - (retries workers hold while their countdown runs: grading.broker), least recently
      sent first. Rows waiting behind a backlog have their messages in the queue, and a retry
      has its message in a worker, so neither a burst nor a retry chain is multiplied; after Redis lost every
      message, every row comes back at the next sweep. When the broker cannot be counted, a queued row is re-sent at most once per
      MLJUDGE_STUCK_AFTER_S (states.unsent)."""
    result = SweepResult(requeued=[], resent=[], failed=[])
    silent = (Submission.objects.filter(states.stuck()).order_by("id")
              .values_list("id", "attempts")[:limit])
    for submission_id, attempts in silent:
        if attempts >= settings.MLJUDGE_MAX_ATTEMPTS:
            if submission_give_up(submission_id=submission_id, status=Status.RUNNING, attempts=attempts,
                                  detail="the grading worker stopped repeatedly"):
                result.failed.append(submission_id)
        elif states.submission_requeue(submission_id=submission_id, attempts=attempts):
            _send(submission_id=submission_id)
            result.requeued.append(submission_id)
    result.resent = _resend_lost(limit=limit)
    if result.requeued or result.resent or result.failed:
        logger.warning("sweeper: re-queued %s, re-sent %s, gave up on %s", result.requeued, result.resent,
                       result.failed)
    return result


def _resend_lost(*, limit: int) -> list[int]:
    queued = Submission.objects.filter(status=Status.QUEUED, mode__in=queue.CODE_MODES)
    counts = broker.message_counts(queue=settings.CELERY_TASK_DEFAULT_QUEUE)
    if counts is None:
        candidates, missing = queued.filter(states.unsent()), limit
    else:
        ready, waiting = counts
        candidates, missing = queued, min(queued.count() - ready - waiting, limit)
    if missing <= 0:
        return []
    ids = list(candidates.order_by(F("sent_at").asc(nulls_first=True), "id").values_list("id", flat=True)[:missing])
    for submission_id in ids:
        _send(submission_id=submission_id)
    return ids


def worker_startup_release() -> list[int]:
    """Rows claimed by processes of this host that died (the worker that ran before this one was killed):
    back to QUEUED with a message each, at once rather than after the silence bound."""
    released = states.submissions_release_dead(host=socket.gethostname())
    for submission_id in released:
        _send(submission_id=submission_id)
    if released:
        logger.warning("worker start-up: released %s, held by dead processes of this host", released)
    return released
