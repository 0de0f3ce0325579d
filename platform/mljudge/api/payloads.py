"""A submission as the API (and webhooks) show it to its author. What a report reveals is decided by
grading.reports.solver_view (and behind it the grader); this module only arranges the fields."""
from __future__ import annotations

from django.urls import reverse

from mljudge.assessments.selectors import results_hidden_until
from mljudge.grading.queue import queue_position
from mljudge.grading.reports import solver_total_time, solver_view
from mljudge.submissions.models import Submission
from mljudge.submissions.selectors import override_note


def submission_url(*, submission_id: int) -> str:
    return reverse("api-v1:submission", kwargs={"submission_id": submission_id})


def _hidden_fields(hidden) -> dict:
    """While an assignment hides the result (assessments.selectors.results_hidden_until), every field of it is
    empty; result_hidden_until is the time it shows, null with result_hidden true: when grades are published."""
    return {"result_hidden": bool(hidden), "result_hidden_until": hidden if hidden not in (True, False) else None}


def submission_summary(*, submission: Submission, hidden=None) -> dict:
    """The columns: for lists (no report, no progress)."""
    hidden = results_hidden_until(submission=submission) if hidden is None else hidden
    if hidden:
        return {"id": submission.id, "problem": submission.problem.slug, "mode": submission.mode,
                "status": submission.status, "verdict": None, "score": None, "passed": None, "total": None,
                "time_s": None, "created_at": submission.created_at, "final": submission.is_final,
                "url": submission_url(submission_id=submission.id), **_hidden_fields(hidden)}
    return {
        "id": submission.id, "problem": submission.problem.slug, "mode": submission.mode,
        "status": submission.status, "verdict": submission.verdict or None, "score": submission.score,
        "passed": submission.passed, "total": submission.total,
        "time_s": solver_total_time(submission=submission),
        "created_at": submission.created_at, "final": submission.is_final,
        "url": submission_url(submission_id=submission.id), **_hidden_fields(False),
    }


def submission_payload(*, submission: Submission) -> dict:
    """The whole Submission shape of docs/api.md: summary, solver view of the report and live progress,
    queue position and the instructor's override note."""
    solver = solver_view(submission=submission)
    note = None if solver.hidden_until else override_note(submission=submission)
    view = solver.to_dict()
    return {
        **submission_summary(submission=submission, hidden=solver.hidden_until),
        "time_s": view["total_time_s"],
        "queue_position": queue_position(submission=submission),
        "report": view["report"], "progress": view["progress"],
        "override": None if note is None else {
            "by": note.by, "reason": note.reason, "graded_score": note.graded_score,
            "effective_score": note.effective_score},
    }
