"""The review workflow over the API: one submission's full report and code (the access is logged for its owner,
as on the review page), comments, score overrides, rubric grades and a rejudge. Every operation goes through
cohorts.selectors.submission_for_reviewer (directly or in the review service): another user's id is a 404.
Bounds (comment and reason caps, score range, rubric points) are review.services'; types are checked here."""

from datetime import datetime

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from pydantic import StrictBool, StrictFloat, StrictStr

from mljudge.accounts.selectors import display_name_for
from mljudge.api.auth import rate_limited, scoped
from mljudge.api.models import Scope
from mljudge.cohorts.selectors import submission_for_reviewer
from mljudge.cohorts.services import code_access_record
from mljudge.grading.rejudge import submission_rejudge_request
from mljudge.review import selectors, services
from mljudge.submissions.models import Mode

from .review_shapes import ReviewSubmissionFields, ReviewSubmissionSummary

router = Router(tags=["instructors"])
REVIEW = scoped(Scope.REVIEW)


class UserOut(Schema):
    username: str
    display_name: str


class OverrideOut(Schema):
    by: str
    previous: float | None
    score: float | None = Field(description="null: the override was removed.")
    reason: str
    created_at: datetime


class HistoryOut(Schema):
    verdict: str
    score: float | None
    passed: int | None
    total: int | None
    report: dict | None
    graded_at: datetime | None
    replaced_at: datetime


class CriterionOut(Schema):
    name: str
    points: float = Field(description="The most points this criterion gives.")
    description: str


class GradeOut(Schema):
    criteria: list[dict] = Field(description="[{name, max_points, points, comment}] in rubric order.")
    points: float
    max_points: float
    published_at: datetime | None


class RubricOut(Schema):
    criteria: list[CriterionOut]
    grade: GradeOut | None


class ReviewSubmission(ReviewSubmissionFields):
    problem_title: str
    author: UserOut
    source: str = Field(description="The code, or a design answer's Markdown.")
    answer_html: str = Field(description="A design answer rendered and sanitised when it was written.")
    message: str
    finished_at: datetime | None
    report: dict | None = Field(description="The full report: hidden tests with inputs, outputs and messages.")
    report_history: list[HistoryOut] = Field(description="Reports replaced by rejudges, newest first.")
    overrides: list[OverrideOut] = Field(description="The audit trail of score overrides, newest first.")
    rubric: RubricOut | None = Field(description="Design answers: the problem's rubric and the grade given.")


class CommentOut(Schema):
    id: int
    author: str
    body: str
    body_html: str
    created_at: datetime


class CommentIn(Schema):
    body: StrictStr


class OverrideIn(Schema):
    score: StrictFloat | None = Field(description="In the problem's score range; null removes the override.")
    reason: StrictStr


class GivenIn(Schema):
    name: StrictStr = Field(max_length=200)
    points: StrictFloat
    comment: StrictStr = ""


class RubricIn(Schema):
    criteria: list[GivenIn] = Field(max_length=100, description="Every criterion of the rubric, by name.")
    publish: StrictBool = False


class Rejudge(Schema):
    id: int
    status: str = Field(description="The submission's status: it stays graded, with its current report, until "
                                    "the rejudge finishes.")


def _override(o) -> dict:
    return {"by": o.by.username, "previous": o.previous, "score": o.score, "reason": o.reason,
            "created_at": o.created_at}


def _grade(grade) -> dict | None:
    return grade and {"criteria": grade.criteria, "points": grade.points, "max_points": grade.max_points,
                      "published_at": grade.published_at}


def _comment(c) -> dict:
    return {"id": c.id, "author": c.author.username, "body": c.body, "body_html": c.body_html,
            "created_at": c.created_at}


@router.get("/review/submissions/{int:submission_id}", response=ReviewSubmission, auth=REVIEW,
            url_name="review_submission", summary="A submission in full: code, full report, history (logged)")
def review_submission(request: HttpRequest, submission_id: int):
    sub = submission_for_reviewer(viewer=request.user, submission_id=submission_id)
    code_access_record(viewer=request.user, submission=sub)   # shown on the owner's "who saw my code" page
    design = sub.mode == Mode.DESIGN
    return {
        **ReviewSubmissionSummary.from_orm(sub).model_dump(),
        "problem_title": sub.problem.title,
        "author": {"username": sub.user.username, "display_name": display_name_for(user=sub.user)},
        "source": sub.source, "answer_html": sub.answer_html, "message": sub.message,
        "finished_at": sub.finished_at, "report": sub.report,
        "report_history": list(sub.report_history.all()),
        "overrides": [_override(o) for o in selectors.overrides_for(submission=sub)],
        "rubric": {"criteria": selectors.rubric_of(problem=sub.problem),
                   "grade": _grade(selectors.rubric_grade_for(submission=sub, published_only=False))}
        if design else None,
    }


@router.get("/review/submissions/{int:submission_id}/comments", response=list[CommentOut], auth=REVIEW,
            summary="Comments on a submission you review, oldest first")
def comment_list(request: HttpRequest, submission_id: int):
    sub = submission_for_reviewer(viewer=request.user, submission_id=submission_id)
    return [_comment(c) for c in selectors.comments_for(submission=sub)]


@router.post("/review/submissions/{int:submission_id}/comments", response={201: CommentOut}, auth=REVIEW,
             summary="Comment (Markdown) on a submission you review")
def comment_create(request: HttpRequest, submission_id: int, payload: CommentIn):
    rate_limited("comment", request)
    comment = services.comment_create(author=request.user, submission_id=submission_id, body=payload.body,
                                      reviewer_only=True)
    return Status(201, _comment(comment))


@router.post("/review/submissions/{int:submission_id}/override", response=OverrideOut, auth=REVIEW,
             summary="Set (or with score null remove) the score that counts, with a reason")
def override_set(request: HttpRequest, submission_id: int, payload: OverrideIn):
    return _override(services.score_override_set(by=request.user, submission_id=submission_id,
                                                 score=payload.score, reason=payload.reason))


@router.post("/review/submissions/{int:submission_id}/rubric", response=GradeOut, auth=REVIEW,
             summary="Grade a design answer against its rubric; publish shows it to the student")
def rubric_grade(request: HttpRequest, submission_id: int, payload: RubricIn):
    given = [services.GivenPoints(name=c.name, points=c.points, comment=c.comment) for c in payload.criteria]
    return _grade(services.rubric_grade_submit(by=request.user, submission_id=submission_id, given=given,
                                               publish=payload.publish))


@router.post("/review/submissions/{int:submission_id}/rejudge", response={202: Rejudge}, auth=REVIEW,
             summary="Grade a submission again against its problem's current version (rejudge queue)")
def rejudge(request: HttpRequest, submission_id: int):
    sub = submission_rejudge_request(by=request.user, submission_id=submission_id)
    return Status(202, {"id": sub.id, "status": sub.status})
