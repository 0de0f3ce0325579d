"""Submitting code and design answers, and reading one's submissions: the same services as the problem page's
Run/Submit buttons and the submission pages (quotas, source checks, visibility, the solver view of a report)."""
from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.responses import Status as Respond
from ninja.pagination import paginate

from mljudge.api.auth import scoped
from mljudge.api.models import Scope
from mljudge.api.longpoll import MAX_WAIT_S, wait_for, waiting_slot
from mljudge.api.paging import Mapped, Paged
from mljudge.api.payloads import submission_payload, submission_summary, submission_url
from mljudge.grading.queue import queue_position
from mljudge.grading.reports import solver_view
from mljudge.problemset.selectors import problem_by_slug
from mljudge.submissions.models import Mode, Status, Submission, Verdict
from mljudge.submissions.selectors import submission_for_viewer, submissions_visible_to
from mljudge.submissions.services import design_answer_create, submission_cancel, submission_create

router = Router(tags=["submissions"])


class CodeIn(Schema):
    # Sizes, UTF-8 and NUL are checked by the grader's source check (413/400 with the pages' messages).
    source: str
    mode: Literal[Mode.RUN, Mode.SUBMIT] = Field(description="run (public examples) or submit")


class AnswerIn(Schema):
    answer: str = Field(description="Markdown; its limits are the design answer form's")


class SubmissionCreated(Schema):
    id: int
    status: Status
    mode: Mode
    queue_position: int | None
    url: str


class SubmissionSummary(Schema):
    id: int
    problem: str
    mode: Mode
    status: Status
    verdict: Verdict | None
    score: float | None
    passed: int | None
    total: int | None
    time_s: float | None
    created_at: datetime
    final: bool
    url: str
    result_hidden: bool = Field(description="An assignment hides this result from you for now: verdict, score, "
                                            "tests and times are null until it shows.")
    result_hidden_until: datetime | None = Field(description="When it shows; null while hidden: when your "
                                                             "instructor publishes the grades.")


class Progress(Schema):
    tests: list[dict]
    total: int | None


class Override(Schema):
    by: str
    reason: str
    graded_score: float | None
    effective_score: float | None


class SubmissionOut(SubmissionSummary):
    queue_position: int | None
    report: dict | None = Field(description="the solver view of the report (grader SolverReport.to_dict())")
    progress: Progress
    override: Override | None


class SubmissionFilters(Schema):
    problem: str = Field("", max_length=100, description="a problem's slug")
    verdict: Verdict | None = None
    mode: Mode | None = None
    status: Status | None = None


class LongPoll(Schema):
    wait: float = Field(0, ge=0, le=MAX_WAIT_S, description="seconds to wait for a change (at most 20)")
    seen: int | None = Field(None, ge=0, description="progress rows already seen (default: as many as now)")


def _created(submission: Submission) -> dict:
    return {"id": submission.id, "status": submission.status, "mode": submission.mode,
            "queue_position": queue_position(submission=submission),
            "url": submission_url(submission_id=submission.id)}


@router.post("/problems/{slug}/submissions", response={201: SubmissionCreated}, auth=scoped(Scope.SUBMIT),
             summary="Run the public examples or submit code")
def submission_new(request: HttpRequest, slug: str, body: CodeIn):
    problem = problem_by_slug(slug=slug)
    submission = submission_create(user=request.user, problem=problem, source=body.source, mode=body.mode)
    return Respond(201, _created(submission))


@router.post("/problems/{slug}/answers", response={201: SubmissionCreated}, auth=scoped(Scope.SUBMIT),
             summary="Submit a written answer to a design problem")
def answer_new(request: HttpRequest, slug: str, body: AnswerIn):
    problem = problem_by_slug(slug=slug)
    submission = design_answer_create(user=request.user, problem=problem, answer=body.answer)
    return Respond(201, _created(submission))


@router.get("/submissions/{submission_id}", response=SubmissionOut, auth=scoped(Scope.READ), url_name="submission",
            summary="One of your submissions: status, verdict, your view of its report, live progress (long-poll "
                    "with ?wait=)")
def submission_detail(request: HttpRequest, submission_id: int, poll: Query[LongPoll]):
    # Your own only, even for staff: this is the solver's view, and it shows no code. Reviewers read others'
    # submissions through /review/submissions/{id}, which logs the access.
    def read() -> Submission:
        return submission_for_viewer(viewer=request.user, submission_id=submission_id, own_only=True)

    submission = read()
    seen = _progress_rows(submission) if poll.seen is None else poll.seen
    if poll.wait and not _changed(submission, seen):
        with waiting_slot(user_id=request.user.pk) as may_wait:
            if may_wait:   # else the cache is down: answered at once (api.longpoll)
                submission = wait_for(read=read, changed=lambda s: _changed(s, seen), seconds=poll.wait)
    return submission_payload(submission=submission)


@router.post("/submissions/{submission_id}/cancel", response=SubmissionOut, auth=scoped(Scope.SUBMIT),
             summary="Cancel one of your runs or submissions while it is still queued (400 not_cancellable once "
                     "a worker has claimed it)")
def submission_cancel_endpoint(request: HttpRequest, submission_id: int):
    return submission_payload(submission=submission_cancel(user=request.user, submission_id=submission_id))


def _changed(submission: Submission, seen: int) -> bool:
    return submission.is_final or _progress_rows(submission) > seen


def _progress_rows(submission: Submission) -> int:
    # Counted as the payload shows them (the solver view), so `seen` means the rows a client has received.
    return len(solver_view(submission=submission).progress)


@router.get("/submissions", response=list[SubmissionSummary], auth=scoped(Scope.READ),
            summary="Your submissions, newest first")
@paginate(Paged)
def submission_list(request: HttpRequest, filters: Query[SubmissionFilters]):
    problem = problem_by_slug(slug=filters.problem) if filters.problem else None
    submissions = submissions_visible_to(viewer=request.user, problem=problem, mode=filters.mode or "",
                                         verdict=filters.verdict or "", status=filters.status or "")
    return Mapped(submissions, lambda submission: submission_summary(submission=submission))
