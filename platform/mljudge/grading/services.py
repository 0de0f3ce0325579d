"""The grading pipeline's state changes. Every transition is a conditional UPDATE on (id, status, attempts):
a re-delivered or duplicated task, or a worker presumed dead that wakes up, changes nothing."""
from __future__ import annotations

import enum
import logging
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

import grader
from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from mljudge.leaderboards.services import best_result_record
from mljudge.submissions.models import Mode, Status, Submission, Verdict

from . import queue
from .reports import grading_problem, progress_recorder, report_fields
from .sandboxes import sandbox_pool

logger = logging.getLogger("mljudge.grading")

NOT_YOUR_FAULT = ("Grading failed on our side after {attempts} attempt(s): this was not caused by your code "
                  "and does not count against you. Please submit again in a few minutes. ({detail})")


class Outcome(enum.StrEnum):
    GRADED = "graded"
    NOT_CLAIMED = "not_claimed"    # someone else has it, or it is already final
    STALE = "stale"                # graded, but the row was re-claimed meanwhile: result discarded
    FAILED = "failed"              # ended as system_error


class TransientGradingError(Exception):
    """The sandbox failed in a way worth retrying; the row is back in `queued`."""


def worker_identity() -> str:
    return grader.process_identity()


@dataclass(frozen=True)
class Claim:
    submission: Submission
    attempts: int   # the claim token: every later UPDATE requires this value

    def held(self):
        """The row, only while this claim still holds it: a re-claim or a final state makes it empty."""
        return Submission.objects.filter(id=self.submission.id, status=Status.RUNNING, attempts=self.attempts)


def submission_claim(*, submission_id: int, now: datetime | None = None) -> Claim | None:
    """queued → running, attempts+1. A running row may be taken over if its worker provably died (a
    re-delivered task after SIGKILL) or it is past the stuck deadline. None if not ours to grade."""
    now = now or timezone.now()
    row = Submission.objects.filter(id=submission_id).values("status", "attempts", "claimed_by").first()
    if row is None or row["status"] not in Status.in_flight():
        return None
    if row["attempts"] >= settings.MLJUDGE_MAX_ATTEMPTS:
        submission_give_up(submission_id=submission_id, status=row["status"], attempts=row["attempts"],
                           detail="the grading worker stopped repeatedly")
        return None
    claimable = Q(status=Status.QUEUED) | (Q(status=Status.RUNNING) & _silent_since(now - _stuck_after()))
    if row["status"] == Status.RUNNING and row["claimed_by"] and grader.provably_dead(row["claimed_by"]):
        claimable |= Q(status=Status.RUNNING, claimed_by=row["claimed_by"])
    changed = Submission.objects.filter(claimable, id=submission_id, attempts=row["attempts"]).update(
        status=Status.RUNNING, attempts=F("attempts") + 1, claimed_by=worker_identity(), started_at=now,
        heartbeat_at=now, progress=None)
    if changed != 1:
        return None
    return Claim(submission=Submission.objects.select_related("problem").get(id=submission_id),
                 attempts=row["attempts"] + 1)


def submission_give_up(*, submission_id: int, status: str, attempts: int, detail: str) -> bool:
    """Ends an in-flight row as system_error (ours, not the user's)."""
    changed = Submission.objects.filter(id=submission_id, status=status, attempts=attempts).update(
        status=Status.SYSTEM_ERROR, verdict=Verdict.SYSTEM_ERROR, finished_at=timezone.now(), progress=None,
        message=NOT_YOUR_FAULT.format(attempts=attempts, detail=detail))
    if changed:
        logger.error("submission %s: system error after %d attempt(s): %s", submission_id, attempts, detail)
    return changed == 1


def submission_release(*, claim: Claim) -> bool:
    """running → queued, so that a retry can claim it again."""
    return claim.held().update(
        status=Status.QUEUED, queued_at=timezone.now(), claimed_by="", progress=None) == 1


def submission_complete(*, claim: Claim, report: grader.Report) -> bool:
    """Stores the report in one short transaction; False if the row was re-claimed meanwhile."""
    with transaction.atomic():
        changed = claim.held().update(status=Status.GRADED, **report_fields(report), finished_at=timezone.now(),
                                      progress=None, message="")
        if changed == 1:
            best_result_record(submission=claim.submission)
    return changed == 1


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
        problem = grading_problem(submission.problem.slug)
        public_only = submission.mode == Mode.RUN
        total = sum(1 for c in problem.cases() if c.public or not public_only)
        # The full report (hidden inputs/outputs too) is stored for instructors; every solver-facing path
        # shows it through grading.reports.solver_view.
        # Never longer than the problem's own limits allow (plus slack): past that, a hung grade goes quiet
        # and the sweeper may take the row over.
        budget = 2 * (2 * problem.limits.import_s + total * problem.limits.time_per_case_s) + 60
        with _heartbeat(claim=claim, budget_s=budget):
            report = grader.grade(problem, submission.source, sandbox=sandbox_pool(), public_only=public_only,
                                  reveal_hidden=True, on_test=_progress_recorder(claim=claim, total=total))
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


@contextmanager
def _heartbeat(*, claim: Claim, budget_s: float):
    """Refreshes heartbeat_at from a side thread while the grade runs, at most for budget_s seconds."""
    stop = threading.Event()
    every = max(1.0, settings.MLJUDGE_STUCK_AFTER_S / 4)

    def beat() -> None:
        until = time.monotonic() + budget_s
        try:
            while not stop.wait(every) and time.monotonic() < until:
                claim.held().update(heartbeat_at=timezone.now())
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=beat, name=f"heartbeat-{claim.submission.id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)


# --- the sweeper -----------------------------------------------------------------------------------

def _stuck_after() -> timedelta:
    return timedelta(seconds=settings.MLJUDGE_STUCK_AFTER_S)


def _silent_since(deadline: datetime) -> Q:
    """A running row whose worker has shown no sign of life since `deadline`."""
    return Q(heartbeat_at__lt=deadline) | Q(heartbeat_at__isnull=True, started_at__lt=deadline)


@dataclass
class SweepResult:
    requeued: list[int]
    failed: list[int]


def stuck_submissions_sweep(*, now: datetime | None = None, limit: int = 500) -> SweepResult:
    """Re-queues rows stuck in queued/running past the deadline (their message or worker was lost);
    rows that used up their attempts end as system_error."""
    now = now or timezone.now()
    deadline = now - _stuck_after()
    stuck = (Submission.objects
             .filter(Q(status=Status.QUEUED, queued_at__lt=deadline) | (Q(status=Status.RUNNING) & _silent_since(deadline)))
             .order_by("id").values_list("id", "status", "attempts")[:limit])
    result = SweepResult(requeued=[], failed=[])
    for submission_id, status, attempts in stuck:
        if attempts >= settings.MLJUDGE_MAX_ATTEMPTS:
            if submission_give_up(submission_id=submission_id, status=status, attempts=attempts,
                                  detail="the grading worker stopped repeatedly"):
                result.failed.append(submission_id)
            continue
        changed = Submission.objects.filter(id=submission_id, status=status, attempts=attempts).update(
            status=Status.QUEUED, queued_at=now, claimed_by="", progress=None)
        if changed:
            submission_enqueue(submission_id=submission_id)
            result.requeued.append(submission_id)
    if result.requeued or result.failed:
        logger.warning("sweeper: re-queued %s, gave up on %s", result.requeued, result.failed)
    return result
