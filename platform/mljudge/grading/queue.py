"""The grading queue's order: the one owner of "which queued submission is graded next".

Round-robin over users: the next row graded belongs to the user whose last grade *started* longest ago (a
user never served goes first), and is that user's oldest queued row. Claiming a row refreshes its user's
start time, so that user goes to the back of the line: with one worker, a user with two slow submissions
delays everyone else's next one by at most one run, never by two.

A Celery message is a ticket to grade *the fairest* queued row, not necessarily the row it names: each
queued row has its own message (from submit, retry or the sweeper), every message that finds a queued row
claims one, so no row is left behind, and duplicates find nothing to claim."""
from __future__ import annotations

from django.db.models import F, Max, OuterRef, QuerySet, Subquery

from mljudge.submissions.models import Mode, Status, Submission

CODE_MODES = (Mode.RUN, Mode.SUBMIT)


def queued_in_fair_order() -> QuerySet[Submission]:
    """Queued code submissions, fairest first; each annotated with `served`, when its user's last grade
    started (None: never)."""
    last_start = (Submission.objects.filter(user_id=OuterRef("user_id"), mode__in=CODE_MODES,
                                            started_at__isnull=False)
                  .order_by().values("user_id").annotate(last=Max("started_at")).values("last"))
    return (Submission.objects.filter(status=Status.QUEUED, mode__in=CODE_MODES)
            .annotate(served=Subquery(last_start))
            .order_by(F("served").asc(nulls_first=True), "id"))


def queue_position(*, submission: Submission) -> int | None:
    """How many queued submissions will be graded before this one (None unless it is queued)."""
    if submission.status != Status.QUEUED:
        return None
    order = list(queued_in_fair_order().values_list("id", flat=True)[:10_000])
    return order.index(submission.id) if submission.id in order else None
