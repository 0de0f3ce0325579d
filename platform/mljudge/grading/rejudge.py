"""Rejudging after a problem's grading content changed (a new ProblemVersion). Runs on its own Celery queue
(settings.MLJUDGE_REJUDGE_QUEUE) so that new submissions, on the default queue, are never behind it.
The submission stays graded throughout, held by a rejudge claim (grading.states); the old report moves to
ReportHistory."""
from __future__ import annotations

import logging

import grader
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from mljudge.api.models import WebhookEvent
from mljudge.api.webhook_services import webhooks_notify
from mljudge.core.refusals import Reason, Refused
from mljudge.leaderboards.services import best_result_recompute
from mljudge.submissions.models import Mode, Status, Submission

from . import states
from .models import ReportHistory
from .reports import report_fields
from .sandboxes import sandbox_pool
from .services import Outcome, TransientGradingError
from .versions import VersionUnavailable, grading_problem, version_hash

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


def submission_rejudge_request(*, by: AbstractBaseUser, submission_id: int) -> Submission:
    """An instructor's rejudge of one submission they may review (Http404 otherwise), queued on commit on the
    rejudge queue: for one whose automatic rejudge after a sync failed, or did not happen yet. Refused when
    there is nothing to rejudge (grading.states.rejudge_due); a request while one is pending is harmless
    (the task's claim lets only one of them grade)."""
    from mljudge.cohorts.selectors import submission_for_reviewer

    from .tasks import rejudge_submission

    submission = submission_for_reviewer(viewer=by, submission_id=submission_id)
    if not Submission.objects.filter(states.rejudge_due(), id=submission.id).exists():
        raise Refused(Reason.NOTHING_TO_REJUDGE)
    rejudge_submission.delay_on_commit(submission.id)
    logger.info("submission %s: rejudge requested by %s", submission.id, by.pk)
    return submission


def submission_rejudge(*, submission_id: int) -> Outcome:
    """Claims the submission for a rejudge (grading.states.rejudge_claim), grades it against the problem's
    current version outside any transaction, then stores the new report and moves the old one to
    ReportHistory. The claim comes first: a duplicated or re-delivered message finds the row claimed or
    already on the current version, and runs no sandbox."""
    claim = states.rejudge_claim(submission_id=submission_id)
    if claim is None:
        return Outcome.NOT_CLAIMED
    submission = claim.submission
    try:
        # The version the claim was made for (the current one): grading against it is a rejudge's point.
        problem = grading_problem(slug=submission.problem.slug, content_hash=version_hash(claim.version_id))
        with states.heartbeat(claim=claim, budget_s=states.grade_budget_s(problem, cases=len(problem.cases()))):
            report = grader.grade(problem, submission.source, sandbox=sandbox_pool(problem.runtime), reveal_hidden=True)
    except VersionUnavailable as exc:
        states.rejudge_release(claim=claim)
        logger.warning("rejudge of %s handed back, not graded here: this host cannot grade %s", submission_id, exc)
        raise TransientGradingError(str(exc)) from exc
    except grader.SandboxError as exc:
        states.rejudge_release(claim=claim)
        if exc.transient:
            raise TransientGradingError(str(exc)) from exc
        logger.error("rejudge of %s failed: %s; the previous report stays", submission_id, exc)
        return Outcome.FAILED
    except Exception:  # a broken folder: keep the previous report rather than blame the user
        states.rejudge_release(claim=claim)
        logger.exception("rejudge of %s failed; the previous report stays", submission_id)
        return Outcome.FAILED
    fields = report_fields(report)
    with transaction.atomic():
        old = claim.held().select_for_update().first()
        if old is None or not states.rejudge_finish(claim=claim, fields=fields):
            return Outcome.STALE  # this worker went silent and another rejudge took the row over
        if (old.verdict, old.score) != (fields["verdict"], fields["score"]):
            webhooks_notify(submission_id=old.id, event=WebhookEvent.REJUDGED)   # on commit; never raises
        ReportHistory.objects.create(submission=old, problem_version_id=old.problem_version_id, verdict=old.verdict,
                                     score=old.score, passed=old.passed, total=old.total, report=old.report,
                                     graded_at=old.finished_at)
        best_result_recompute(user_id=old.user_id, problem_id=old.problem_id)  # same transaction
    return Outcome.GRADED
