"""The one owner of `Submission.status`: every transition of a submission is a conditional UPDATE here, and no
other module writes `status` (rows are only *created* queued or awaiting_review, by submissions.services).

Each function filters on the state it moves from (and on the claim token that proves the caller holds the row)
and goes on only if exactly one row changed, so a re-delivered task, a duplicated message or a worker presumed
dead that wakes up changes nothing. The callers (grading.services, grading.rejudge, review.services) decide
*when* to move a row and what else to write in the same transaction (leaderboards, report history).

  submission_create --> QUEUED --submission_claim--> RUNNING --submission_finish--> GRADED
                          ^  ^                       |  |
                          |  +--submission_release---+  |     submission_claim also takes RUNNING -> RUNNING
                          +-----submission_requeue------+     over from a worker that died or went silent
                          |     (stuck; also QUEUED -> QUEUED)  |
                          +-----submission_hand_back------------+  this host cannot grade the problem version
                                (the attempt is not counted)       the row was made against (grading.versions)

  QUEUED | RUNNING --submission_give_up--> SYSTEM_ERROR     (attempts used up, a permanent sandbox error, our bug)

  GRADED on an older problem version --rejudge_claim--> GRADED, held by a rejudge (old report still shown)
      held --rejudge_finish--> GRADED on the current version, new report (the old one to ReportHistory)
      held --rejudge_release--> GRADED, old report kept (the rejudge failed)

  design_answer_create --> AWAITING_REVIEW --design_answer_grade--> GRADED --design_answer_regrade--> GRADED
                                             (rubric published)             (published rubric graded again)

A claim is a token the later UPDATEs require: a grading claim is (RUNNING, attempts); a rejudge claim is a
unique string in `rejudge_claim` (the row stays GRADED with its old report meanwhile, so every page and
leaderboard keeps showing it). Whoever holds a row refreshes `heartbeat_at` (heartbeat()); a holder that went
silent past MLJUDGE_STUCK_AFTER_S, or whose process provably died, may be taken over.

This lives in grading, not next to the model in submissions: the claim rules need the grader's process
identity (grading is the only Django code that imports `grader`), and grading is where every claim is made."""
from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

import grader
from django.conf import settings
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from mljudge.submissions.models import Mode, Status, Submission, Verdict

logger = logging.getLogger("mljudge.grading")

NOT_YOUR_FAULT = ("Grading failed on our side after {attempts} attempt(s): this was not caused by your code "
                  "and does not count against you. Please submit again in a few minutes. ({detail})")


def worker_identity() -> str:
    return grader.process_identity()


def stuck_after() -> timedelta:
    return timedelta(seconds=settings.MLJUDGE_STUCK_AFTER_S)


def silent_since(deadline: datetime) -> Q:
    """A held row whose worker has shown no sign of life since `deadline`."""
    return Q(heartbeat_at__lt=deadline) | Q(heartbeat_at__isnull=True, started_at__lt=deadline)


def stuck(deadline: datetime) -> Q:
    """An in-flight row nobody is moving: queued since before `deadline` (its message was lost) or running
    with a worker silent since then."""
    return Q(status=Status.QUEUED, queued_at__lt=deadline) | (Q(status=Status.RUNNING) & silent_since(deadline))


# --- grading: queued -> running -> graded | queued | system_error ------------------------------------------

@dataclass(frozen=True)
class Claim:
    """A grading claim: the row is RUNNING on this attempt."""

    submission: Submission
    attempts: int   # the claim token: every later UPDATE requires this value

    def held(self) -> QuerySet[Submission]:
        """The row, only while this claim still holds it: a re-claim or a final state makes it empty."""
        return Submission.objects.filter(id=self.submission.id, status=Status.RUNNING, attempts=self.attempts)


def submission_claim(*, submission_id: int, now: datetime | None = None) -> Claim | None:
    """QUEUED → RUNNING, attempts+1. Also RUNNING → RUNNING (a take-over) when the row's worker provably died
    (a re-delivered task after SIGKILL) or has been silent past the stuck deadline. A row that used up its
    attempts goes to SYSTEM_ERROR instead (submission_give_up). None if the row is not ours to grade."""
    now = now or timezone.now()
    row = Submission.objects.filter(id=submission_id).values("status", "attempts", "claimed_by").first()
    if row is None or row["status"] not in Status.in_flight():
        return None
    if row["attempts"] >= settings.MLJUDGE_MAX_ATTEMPTS:
        submission_give_up(submission_id=submission_id, status=row["status"], attempts=row["attempts"],
                           detail="the grading worker stopped repeatedly")
        return None
    claimable = Q(status=Status.QUEUED) | (Q(status=Status.RUNNING) & silent_since(now - stuck_after()))
    if row["status"] == Status.RUNNING and row["claimed_by"] and grader.provably_dead(row["claimed_by"]):
        claimable |= Q(status=Status.RUNNING, claimed_by=row["claimed_by"])
    changed = Submission.objects.filter(claimable, id=submission_id, attempts=row["attempts"]).update(
        status=Status.RUNNING, attempts=F("attempts") + 1, claimed_by=worker_identity(), started_at=now,
        heartbeat_at=now, progress=None)
    if changed != 1:
        return None
    return Claim(submission=Submission.objects.select_related("problem").get(id=submission_id),
                 attempts=row["attempts"] + 1)


def submission_release(*, claim: Claim) -> bool:
    """RUNNING → QUEUED (the claim's own row), so that a retry can claim it again."""
    return claim.held().update(
        status=Status.QUEUED, queued_at=timezone.now(), claimed_by="", progress=None) == 1


def submission_hand_back(*, claim: Claim) -> bool:
    """RUNNING → QUEUED, undoing the claim's attempt: this host could not grade the problem version the row
    was made against (grading.versions), which is neither the user's fault nor a failed grade, so it must not
    use up attempts and end as a system error. started_at stays: the fair order (grading.queue) then serves
    other users first, so a row no host can grade yet does not hold everyone else's back."""
    return claim.held().update(status=Status.QUEUED, attempts=F("attempts") - 1, queued_at=timezone.now(),
                               claimed_by="", heartbeat_at=None, progress=None) == 1


def submission_requeue(*, submission_id: int, status: str, attempts: int, now: datetime) -> bool:
    """QUEUED | RUNNING → QUEUED for a row stuck as the sweeper saw it (status, attempts): its message or its
    worker was lost. A row that moved, or showed a sign of life, since the sweeper looked is left alone."""
    return Submission.objects.filter(stuck(now - stuck_after()), id=submission_id, status=status,
                                     attempts=attempts).update(
        status=Status.QUEUED, queued_at=now, claimed_by="", progress=None) == 1


def submission_finish(*, claim: Claim, fields: dict) -> bool:
    """RUNNING → GRADED with the report's columns (`fields`); False if the row was re-claimed meanwhile. The
    caller wraps it in the transaction that also records the leaderboard."""
    finished = claim.held().update(status=Status.GRADED, **fields, finished_at=timezone.now(), progress=None,
                                   message="") == 1
    if finished:
        _announce(submission_id=claim.submission.id)
    return finished


def submission_give_up(*, submission_id: int, status: str, attempts: int, detail: str) -> bool:
    """QUEUED | RUNNING → SYSTEM_ERROR (ours, not the user's), for the row as the caller saw it."""
    changed = (Submission.objects.filter(id=submission_id, status=status, attempts=attempts)
               .filter(status__in=Status.in_flight())
               .update(status=Status.SYSTEM_ERROR, verdict=Verdict.SYSTEM_ERROR, finished_at=timezone.now(),
                       progress=None, message=NOT_YOUR_FAULT.format(attempts=attempts, detail=detail)))
    if changed:
        logger.error("submission %s: system error after %d attempt(s): %s", submission_id, attempts, detail)
        _announce(submission_id=submission_id)
    return changed == 1


def _announce(*, submission_id: int) -> None:
    """A run or submission reached its final grade (GRADED or SYSTEM_ERROR): its owner's webhooks are told
    once the transaction commits. Here, because these two transitions are the only ways a grade is first
    written, whoever calls them; webhooks_notify never raises and never waits."""
    from mljudge.api.webhook_services import webhooks_notify

    webhooks_notify(submission_id=submission_id)


# --- design answers: awaiting_review -> graded -------------------------------------------------------------

def design_answer_grade(*, submission_id: int, score: float) -> bool:
    """AWAITING_REVIEW → GRADED with the published rubric's score (points / max points)."""
    return Submission.objects.filter(id=submission_id, mode=Mode.DESIGN, status=Status.AWAITING_REVIEW).update(
        status=Status.GRADED, score=score, finished_at=timezone.now()) == 1


def design_answer_regrade(*, submission_id: int, score: float) -> bool:
    """GRADED → GRADED with a new score: the published rubric was graded again."""
    return Submission.objects.filter(id=submission_id, mode=Mode.DESIGN, status=Status.GRADED).update(
        score=score, finished_at=timezone.now()) == 1


# --- rejudging: graded (an older version) -> graded (the current version) ----------------------------------

@dataclass(frozen=True)
class RejudgeClaim:
    """A rejudge claim: the row is GRADED and `rejudge_claim` holds this token."""

    submission: Submission
    token: str
    version_id: int  # the problem version the rejudge grades against (current when claimed)

    def held(self) -> QuerySet[Submission]:
        """The row, only while this claim still holds it."""
        return Submission.objects.filter(id=self.submission.id, status=Status.GRADED, rejudge_claim=self.token)


def _holder(token: str) -> str:
    return token.rpartition("/")[0]


def rejudge_due() -> Q:
    """A submission a rejudge would grade again: graded (Mode.SUBMIT) on an older version of its problem."""
    return (Q(mode=Mode.SUBMIT, status=Status.GRADED, problem__current_version__isnull=False)
            & (Q(problem_version__isnull=True) | ~Q(problem_version_id=F("problem__current_version_id"))))


def rejudge_claim(*, submission_id: int, now: datetime | None = None) -> RejudgeClaim | None:
    """GRADED (a submission graded on an older version of its problem, no rejudge holding it) → GRADED held by
    a rejudge. A rejudge held by a worker that provably died or went silent past the stuck deadline may be
    taken over. None if there is nothing to rejudge (already on the current version: a re-delivered message)
    or another rejudge holds it (a duplicated message): then no sandbox runs."""
    now = now or timezone.now()
    row = (Submission.objects.filter(rejudge_due(), id=submission_id)
           .values("problem_version_id", "rejudge_claim", "problem__current_version_id").first())
    if row is None:
        return None
    current, held_by = row["problem__current_version_id"], row["rejudge_claim"]
    takeable = Q()
    if held_by and not grader.provably_dead(_holder(held_by)):
        takeable = Q(heartbeat_at__lt=now - stuck_after())
    token = f"{worker_identity()}/{uuid.uuid4().hex}"
    changed = Submission.objects.filter(
        takeable, id=submission_id, status=Status.GRADED, problem_version_id=row["problem_version_id"],
        rejudge_claim=held_by).update(rejudge_claim=token, heartbeat_at=now)
    if changed != 1:
        return None
    if held_by:
        logger.warning("submission %s: rejudge taken over from %s", submission_id, _holder(held_by))
    return RejudgeClaim(submission=Submission.objects.select_related("problem").get(id=submission_id),
                        token=token, version_id=current)


def rejudge_release(*, claim: RejudgeClaim) -> bool:
    """GRADED held by this rejudge → GRADED, unchanged: the rejudge failed and the previous report stays."""
    return claim.held().update(rejudge_claim="") == 1


def rejudge_finish(*, claim: RejudgeClaim, fields: dict) -> bool:
    """GRADED held by this rejudge → GRADED on the claim's version with the new report's columns (`fields`).
    The caller moves the old report to ReportHistory in the same transaction."""
    return claim.held().update(**fields, problem_version_id=claim.version_id, finished_at=timezone.now(),
                               rejudge_claim="") == 1


# --- liveness of whoever holds a row -------------------------------------------------------------------------

def grade_budget_s(problem: grader.Problem, *, cases: int) -> float:
    """How long a grade of `cases` cases of this problem may keep its row alive: its own limits with slack.
    Past that, a hung grade goes quiet and its row may be taken over."""
    return 2 * (2 * problem.limits.import_s + cases * problem.limits.time_per_case_s) + 60


@contextmanager
def heartbeat(*, claim: Claim | RejudgeClaim, budget_s: float) -> Iterator[None]:
    """Refreshes heartbeat_at from a side thread while the claim's holder works, at most for budget_s seconds."""
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
