"""A submission as the API (and webhooks) show it to its author. What a report reveals is decided by
grading.reports.solver_view (and behind it the grader); this module only arranges the fields."""
from __future__ import annotations

from django.urls import reverse

from mljudge.grading.queue import queue_position
from mljudge.grading.reports import solver_total_time, solver_view
from mljudge.submissions.models import Submission
from mljudge.submissions.selectors import override_note


def submission_url(*, submission_id: int) -> str:
    return reverse("api-v1:submission", kwargs={"submission_id": submission_id})


def submission_summary(*, submission: Submission) -> dict:
    """The columns: for lists (no report, no progress)."""
    return {
        "id": submission.id, "problem": submission.problem.slug, "mode": submission.mode,
        "status": submission.status, "verdict": submission.verdict or None, "score": submission.score,
        "passed": submission.passed, "total": submission.total,
        "time_s": solver_total_time(submission=submission),
        "created_at": submission.created_at, "final": submission.is_final,
        "url": submission_url(submission_id=submission.id),
    }


def submission_payload(*, submission: Submission) -> dict:
    """The whole Submission shape of docs/api.md: summary, solver view of the report and live progress,
    queue position and the instructor's override note."""
    view = solver_view(submission=submission).to_dict()
    note = override_note(submission=submission)
    return {
        **submission_summary(submission=submission),
        "time_s": view["total_time_s"],
        "queue_position": queue_position(submission=submission),
        "report": view["report"], "progress": view["progress"],
        "override": None if note is None else {
            "by": note.by, "reason": note.reason, "graded_score": note.graded_score,
            "effective_score": note.effective_score},
    }
