"""The grading pipeline: claim a queued row (fairly), grade it outside any transaction, store the report. Every
change of a row's status is a transition of grading.states (the state machine); this module decides when."""
from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from datetime import datetime

import grader
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from mljudge.leaderboards.services import best_result_record
from mljudge.submissions.models import Mode, Status, Submission

from . import queue, states, versions
from .reports import progress_recorder, report_fields
from .sandboxes import sandbox_pool
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


class HandedBack(TransientGradingError):
    """This host cannot grade the problem version the row was made against; the row is back in `queued`
    with its attempt undone, for any host to take (the retry's message may go to another)."""



def submission_complete(*, claim: Claim, report: grader.Report) -> bool:
    """Stores the report in one short transaction; False if the row was re-claimed meanwhile."""
    with transaction.atomic():
        finished = states.submission_finish(claim=claim, fields=report_fields(report))
        if finished:
            best_result_record(submission=claim.submission)
    return finished


def submission_enqueue(*, submission_id: int) -> None:
    """Queues grading once the current transaction commits (immediately outside one)."""
    from .tasks import grade_submission

    grade_submission.delay_on_commit(submission_id)


# --- grading ---------------------------------------------------------------------------------------

def _progress_recorder(*, claim: Claim, total: int):
    """Stores each test as it is judged (as the solver sees it: grading.reports), so the page shows rows
    arriving while the rest is graded; each row is also a sign of life."""
    return progress_recorder(total=total, store=lambda progress: claim.held().update(
        progress=progress, heartbeat_at=timezone.now()))


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
    claim = submission_claim_next(submission_id=submission_id)
    if claim is None:
        return Outcome.NOT_CLAIMED
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
    except Exception as exc:  # our bug or a broken problem folder: never the user's fault, never retried
        logger.exception("submission %s: grading failed", submission_id)
        submission_give_up(submission_id=submission_id, status=Status.RUNNING, attempts=claim.attempts,
                           detail=f"{type(exc).__name__}")
        return Outcome.FAILED
    if not submission_complete(claim=claim, report=report):
        logger.warning("submission %s: re-claimed while grading; this result is discarded", submission_id)
        return Outcome.STALE
    return Outcome.GRADED


# --- the sweeper -----------------------------------------------------------------------------------

@dataclass
class SweepResult:
    requeued: list[int]
    failed: list[int]


def stuck_submissions_sweep(*, now: datetime | None = None, limit: int = 500) -> SweepResult:
    """Re-queues rows stuck in queued/running past the deadline (their message or worker was lost);
    rows that used up their attempts end as system_error."""
    now = now or timezone.now()
    stuck = (Submission.objects.filter(states.stuck(now - states.stuck_after()))
             .order_by("id").values_list("id", "status", "attempts")[:limit])
    result = SweepResult(requeued=[], failed=[])
    for submission_id, status, attempts in stuck:
        if attempts >= settings.MLJUDGE_MAX_ATTEMPTS:
            if submission_give_up(submission_id=submission_id, status=status, attempts=attempts,
                                  detail="the grading worker stopped repeatedly"):
                result.failed.append(submission_id)
            continue
        if states.submission_requeue(submission_id=submission_id, status=status, attempts=attempts, now=now):
            submission_enqueue(submission_id=submission_id)
            result.requeued.append(submission_id)
    if result.requeued or result.failed:
        logger.warning("sweeper: re-queued %s, gave up on %s", result.requeued, result.failed)
    return result
