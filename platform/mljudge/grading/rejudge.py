"""Rejudging after a problem's grading content changed (a new ProblemVersion). Runs on its own Celery queue
(settings.MLJUDGE_REJUDGE_QUEUE) so that new submissions, on the default queue, are never behind it.
The submission keeps its status (graded) throughout; the old report moves to ReportHistory."""
from __future__ import annotations

import logging

import grader
from django.db import transaction
from django.utils import timezone

from mljudge.leaderboards.services import best_result_recompute
from mljudge.problemset.models import Problem
from mljudge.submissions.models import Mode, Status, Submission

from .models import ReportHistory
from .sandboxes import sandbox_pool
from .reports import grading_problem, report_fields
from .services import Outcome, TransientGradingError

logger = logging.getLogger("mljudge.grading")


def problem_rejudge_enqueue(*, problem_id: int) -> list[int]:
    """Queues (on commit) a rejudge of every graded Mode.SUBMIT submission of the problem."""
    from .tasks import rejudge_submission

    ids = list(Submission.objects.filter(problem_id=problem_id, mode=Mode.SUBMIT, status=Status.GRADED)
               .order_by("id").values_list("id", flat=True))
    for submission_id in ids:
        rejudge_submission.delay_on_commit(submission_id)
    if ids:
        logger.info("problem %s: %d submission(s) queued for rejudging", problem_id, len(ids))
    return ids


def submission_rejudge(*, submission_id: int) -> Outcome:
    """Grades the submission against the problem's current version and keeps the previous report.
    A re-delivered task, or one for a submission already on the current version, changes nothing."""
    row = (Submission.objects.filter(id=submission_id, mode=Mode.SUBMIT, status=Status.GRADED)
           .values("problem_id", "problem_version_id", "finished_at", "user_id").first())
    if row is None:
        return Outcome.NOT_CLAIMED
    current = Problem.objects.filter(id=row["problem_id"]).values_list("current_version_id", flat=True).first()
    if current is None or current == row["problem_version_id"]:
        return Outcome.NOT_CLAIMED
    submission = Submission.objects.select_related("problem").get(id=submission_id)
    try:
        problem = grading_problem(submission.problem.slug)
        report = grader.grade(problem, submission.source, sandbox=sandbox_pool(), reveal_hidden=True)
    except grader.SandboxError as exc:
        if exc.transient:
            raise TransientGradingError(str(exc)) from exc
        logger.error("rejudge of %s failed: %s; the previous report stays", submission_id, exc)
        return Outcome.FAILED
    except Exception:  # a broken folder: keep the previous report rather than blame the user
        logger.exception("rejudge of %s failed; the previous report stays", submission_id)
        return Outcome.FAILED
    with transaction.atomic():
        old = (Submission.objects.select_for_update()
               .filter(id=submission_id, status=Status.GRADED, problem_version_id=row["problem_version_id"],
                       finished_at=row["finished_at"]).first())
        if old is None:
            return Outcome.STALE
        ReportHistory.objects.create(submission=old, problem_version_id=old.problem_version_id, verdict=old.verdict,
                                     score=old.score, passed=old.passed, total=old.total, report=old.report,
                                     graded_at=old.finished_at)
        Submission.objects.filter(id=submission_id).update(**report_fields(report), problem_version_id=current,
                                                           finished_at=timezone.now())
        best_result_recompute(user_id=row["user_id"], problem_id=row["problem_id"])  # same transaction
    return Outcome.GRADED
