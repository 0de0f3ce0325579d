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

  QUEUED --submission_cancel--> CANCELLED                  (its owner withdrew it before a worker claimed it;
                                                            a claimed row is never cancelled, and no claim,
                                                            requeue or give-up moves a CANCELLED row again)

  Not a status change, but the recovery rules need it: submission_sent records (sent_at, sends) each time a
  grading message for the row is handed to the broker, so the sweeper can tell a row whose message was lost
  from one waiting its turn behind a backlog (grading.services.stuck_submissions_sweep).

  GRADED on an older problem version --rejudge_claim--> GRADED, held by a rejudge (old report still shown)
      held --rejudge_finish--> GRADED on the current version, new report (the old one to ReportHistory)
      held --rejudge_release--> GRADED, old report kept (the rejudge failed)

  design_answer_create --> AWAITING_REVIEW --design_answer_grade--> GRADED --design_answer_regrade--> GRADED
                                             (rubric published)             (published rubric graded again)

A claim is a token the later UPDATEs require: a grading claim is (RUNNING, attempts); a rejudge claim is a
unique string in `rejudge_claim` (the row stays GRADED with its old report meanwhile, so every page and
leaderboard keeps showing it). Whoever holds a row refreshes `heartbeat_at` (heartbeat(), every
MLJUDGE_STUCK_AFTER_S / 6); a holder that went silent past MLJUDGE_STUCK_AFTER_S, on whichever host, or whose
process provably died (same host only: grader.provably_dead), may be taken over.

The database clock decides: every timestamp written here and every deadline compared here is PostgreSQL's
`now()` (Django's `Now()`), never the process's clock, so a worker or sweeper whose clock is skewed neither
pre-empts a live grade nor writes a heartbeat from the future.

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
from datetime import timedelta

import grader
from django.conf import settings
from django.db import connection
from django.db import DatabaseError
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Now

from mljudge.submissions.models import Mode, Status, Submission, Verdict

logger = logging.getLogger("mljudge.grading")

NOT_YOUR_FAULT = ("Grading failed on our side after {attempts} attempt(s): this was not caused by your code "
                  "and does not count against you. Please submit again in a few minutes. ({detail})")


def worker_identity() -> str:
    return grader.process_identity()


def stuck_after() -> timedelta:
    return timedelta(seconds=settings.MLJUDGE_STUCK_AFTER_S)


def silent() -> Q:
    """A held row whose worker has shown no sign of life for MLJUDGE_STUCK_AFTER_S, by the database's clock.
    One bound for every host: a dead host's process cannot be proven dead from here, and a live holder beats
    six times within it (heartbeat), so only a holder that is gone, hung past its budget or cut off from the
    database for that long is taken over (then its late result is discarded: the claim token moved on)."""
    deadline = Now() - stuck_after()
    return Q(heartbeat_at__lt=deadline) | Q(heartbeat_at__isnull=True, started_at__lt=deadline)


def stuck() -> Q:
    """A running row nobody is moving: its worker went silent (silent). Queued rows are never "stuck" by age:
    a queued row waits for a message, and whether it still has one is the sweeper's question (sent_at)."""
    return Q(status=Status.RUNNING) & silent()


def unsent() -> Q:
    """A queued row with no message known to be on its way: never sent (the broker was unreachable at
    submit), or last sent more than MLJUDGE_STUCK_AFTER_S ago. The sweeper's rule when it cannot count the
    broker's queue; with a count it uses only the order (least recently sent first)."""
    return Q(status=Status.QUEUED) & (Q(sent_at__isnull=True) | Q(sent_at__lt=Now() - stuck_after()))


# --- grading: queued -> running -> graded | queued | system_error ------------------------------------------

@dataclass(frozen=True)
class Claim:
    """A grading claim: the row is RUNNING on this attempt."""

    submission: Submission
    attempts: int   # the claim token: every later UPDATE requires this value

    def held(self) -> QuerySet[Submission]:
        """The row, only while this claim still holds it: a re-claim or a final state makes it empty."""
        return Submission.objects.filter(id=self.submission.id, status=Status.RUNNING, attempts=self.attempts)


def submission_claim(*, submission_id: int) -> Claim | None:
    """QUEUED → RUNNING, attempts+1. Also RUNNING → RUNNING (a take-over) when the row's worker provably died
    (a re-delivered task after SIGKILL) or has been silent past the stuck deadline. A row that used up its
    attempts goes to SYSTEM_ERROR instead (submission_give_up). None if the row is not ours to grade."""
    row = Submission.objects.filter(id=submission_id).values("status", "attempts", "claimed_by").first()
    if row is None or row["status"] not in Status.in_flight():
        return None
    if row["attempts"] >= settings.MLJUDGE_MAX_ATTEMPTS:
        submission_give_up(submission_id=submission_id, status=row["status"], attempts=row["attempts"],
                           detail="the grading worker stopped repeatedly")
        return None
    claimable = Q(status=Status.QUEUED) | stuck()
    if row["status"] == Status.RUNNING and row["claimed_by"] and grader.provably_dead(row["claimed_by"]):
        claimable |= Q(status=Status.RUNNING, claimed_by=row["claimed_by"])
    changed = Submission.objects.filter(claimable, id=submission_id, attempts=row["attempts"]).update(
        status=Status.RUNNING, attempts=F("attempts") + 1, claimed_by=worker_identity(), started_at=Now(),
        heartbeat_at=Now(), progress=None)
    if changed != 1:
        return None
    return Claim(submission=Submission.objects.select_related("problem").get(id=submission_id),
                 attempts=row["attempts"] + 1)


# A row back in QUEUED after a failure of ours (a retry, a lost worker) forgets its start, so its user keeps
# their place in the fair order (grading.queue ranks users by their last start): a machine fault must not
# send anyone to the back of the line.
_BACK_IN_LINE = {"status": Status.QUEUED, "claimed_by": "", "started_at": None, "heartbeat_at": None,
                 "progress": None}


def submission_release(*, claim: Claim) -> bool:
    """RUNNING → QUEUED (the claim's own row), so that a retry can claim it again. The caller sends the
    retry's message, so the row counts as sent now."""
    return claim.held().update(**_BACK_IN_LINE, sent_at=Now(), sends=F("sends") + 1) == 1


def submission_requeue(*, submission_id: int, attempts: int) -> bool:
    """RUNNING → QUEUED for a row stuck as the sweeper saw it (attempts): its worker went silent. A row that
    moved, or showed a sign of life, since the sweeper looked is left alone. The caller sends a message."""
    return Submission.objects.filter(stuck(), id=submission_id, attempts=attempts).update(**_BACK_IN_LINE) == 1


def submissions_release_dead(*, host: str) -> list[int]:
    """RUNNING → QUEUED for every row held by a process of `host` (this one) that provably died: called when
    a worker starts, so that a restarted worker takes its dead predecessor's rows back at once instead of
    after the silence bound. Returns the ids released; the caller sends a message for each."""
    held = (Submission.objects.filter(status=Status.RUNNING, claimed_by__startswith=f"{host}:")
            .values_list("id", "attempts", "claimed_by"))
    released = []
    for submission_id, attempts, claimed_by in held:
        if grader.provably_dead(claimed_by) and Submission.objects.filter(
                id=submission_id, status=Status.RUNNING, attempts=attempts, claimed_by=claimed_by).update(
                    **_BACK_IN_LINE) == 1:
            released.append(submission_id)
    return released


def submission_sent(*, submission_id: int) -> bool:
    """Records that a grading message for this queued row was just handed to the broker (sent_at, sends)."""
    return Submission.objects.filter(id=submission_id, status=Status.QUEUED).update(
        sent_at=Now(), sends=F("sends") + 1) == 1


def submission_hand_back(*, claim: Claim) -> bool:
    """RUNNING → QUEUED, undoing the claim's attempt: this host could not grade the problem version the row
    was made against (grading.versions), which is neither the user's fault nor a failed grade, so it must not
    use up attempts and end as a system error. started_at stays: the fair order (grading.queue) then serves
    other users first, so a row no host can grade yet does not hold everyone else's back. The caller retries
    (a new message), so the row counts as sent now."""
    return claim.held().update(status=Status.QUEUED, attempts=F("attempts") - 1, claimed_by="", heartbeat_at=None,
                               progress=None, sent_at=Now(), sends=F("sends") + 1) == 1


def submission_finish(*, claim: Claim, fields: dict) -> bool:
    """RUNNING → GRADED with the report's columns (`fields`); False if the row was re-claimed meanwhile. The
    caller wraps it in the transaction that also records the leaderboard."""
    finished = claim.held().update(status=Status.GRADED, **fields, finished_at=Now(), progress=None,
                                   message="") == 1
    if finished:
        _announce(submission_id=claim.submission.id)
    return finished


def submission_give_up(*, submission_id: int, status: str, attempts: int, detail: str) -> bool:
    """QUEUED | RUNNING → SYSTEM_ERROR (ours, not the user's), for the row as the caller saw it."""
    changed = (Submission.objects.filter(id=submission_id, status=status, attempts=attempts)
               .filter(status__in=Status.in_flight())
               .update(status=Status.SYSTEM_ERROR, verdict=Verdict.SYSTEM_ERROR, finished_at=Now(),
                       progress=None, message=NOT_YOUR_FAULT.format(attempts=attempts, detail=detail)))
    if changed:
        logger.error("submission %s: system error after %d attempt(s): %s", submission_id, attempts, detail)
        _announce(submission_id=submission_id)
    return changed == 1


def submission_cancel(*, submission_id: int, user_id: int) -> bool:
    """QUEUED → CANCELLED, for the row's owner only. False once a worker has claimed it (RUNNING or later): the
    claim and this UPDATE both filter on QUEUED, so exactly one of them wins. No webhook: nothing was graded."""
    return Submission.objects.filter(id=submission_id, user_id=user_id, status=Status.QUEUED,
                                     mode__in=[Mode.RUN, Mode.SUBMIT]).update(
        status=Status.CANCELLED, finished_at=Now(), progress=None) == 1


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
        status=Status.GRADED, score=score, finished_at=Now()) == 1


def design_answer_regrade(*, submission_id: int, score: float) -> bool:
    """GRADED → GRADED with a new score: the published rubric was graded again."""
    return Submission.objects.filter(id=submission_id, mode=Mode.DESIGN, status=Status.GRADED).update(
        score=score, finished_at=Now()) == 1


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


def rejudge_claim(*, submission_id: int) -> RejudgeClaim | None:
    """GRADED (a submission graded on an older version of its problem, no rejudge holding it) → GRADED held by
    a rejudge. A rejudge held by a worker that provably died or went silent past the stuck deadline may be
    taken over. None if there is nothing to rejudge (already on the current version: a re-delivered message)
    or another rejudge holds it (a duplicated message): then no sandbox runs."""
    row = (Submission.objects.filter(rejudge_due(), id=submission_id)
           .values("problem_version_id", "rejudge_claim", "problem__current_version_id").first())
    if row is None:
        return None
    current, held_by = row["problem__current_version_id"], row["rejudge_claim"]
    takeable = Q()
    if held_by and not grader.provably_dead(_holder(held_by)):
        takeable = Q(heartbeat_at__lt=Now() - stuck_after())
    token = f"{worker_identity()}/{uuid.uuid4().hex}"
    changed = Submission.objects.filter(
        takeable, id=submission_id, status=Status.GRADED, problem_version_id=row["problem_version_id"],
        rejudge_claim=held_by).update(rejudge_claim=token, heartbeat_at=Now())
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
    return claim.held().update(**fields, problem_version_id=claim.version_id, finished_at=Now(),
                               rejudge_claim="") == 1


# --- liveness of whoever holds a row -------------------------------------------------------------------------

def grade_budget_s(problem: grader.Problem, *, cases: int) -> float:
    """How long a grade of `cases` cases of this problem may keep its row alive: its own limits with slack.
    Past that, a hung grade goes quiet and its row may be taken over."""
    return 2 * (2 * problem.limits.import_s + cases * problem.limits.time_per_case_s) + 60


def heartbeat_every_s() -> float:
    """Six beats within the silence bound (stuck): a holder is taken over only after missing all six."""
    return max(1.0, settings.MLJUDGE_STUCK_AFTER_S / 6)


@contextmanager
def heartbeat(*, claim: Claim | RejudgeClaim, budget_s: float) -> Iterator[None]:
    """Refreshes heartbeat_at from a side thread while the claim's holder works, at most for budget_s seconds.
    A beat that cannot reach the database is skipped, not fatal: the next one tries again."""
    stop = threading.Event()
    every = heartbeat_every_s()

    def beat() -> None:
        until = time.monotonic() + budget_s
        try:
            while not stop.wait(every) and time.monotonic() < until:
                try:
                    claim.held().update(heartbeat_at=Now())
                except DatabaseError as exc:
                    logger.warning("submission %s: heartbeat failed: %s", claim.submission.id, exc)
                    connection.close()  # reconnect at the next beat
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=beat, name=f"heartbeat-{claim.submission.id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)
