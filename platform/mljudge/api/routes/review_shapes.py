"""A submission as its reviewer sees it over the API (the cohort lists and the review endpoints share it).
Reviewers see the full report, as on the review pages; solvers never get these shapes."""

from datetime import datetime

from django.urls import reverse
from ninja import Schema

from mljudge.submissions.models import Submission


def review_url(*, submission_id: int) -> str:
    return reverse("api-v1:review_submission", kwargs={"submission_id": submission_id})


class ReviewSubmissionFields(Schema):
    id: int
    problem: str
    user: str
    mode: str
    status: str
    verdict: str | None
    score: float | None
    score_override: float | None
    passed: int | None
    total: int | None
    time_s: float | None
    created_at: datetime
    url: str


class ReviewSubmissionSummary(ReviewSubmissionFields):
    """Read from a Submission (its related problem and user loaded)."""

    @staticmethod
    def resolve_problem(obj: Submission) -> str:
        return obj.problem.slug

    @staticmethod
    def resolve_user(obj: Submission) -> str:
        return obj.user.username

    @staticmethod
    def resolve_verdict(obj: Submission) -> str | None:
        return obj.verdict or None

    @staticmethod
    def resolve_url(obj: Submission) -> str:
        return review_url(submission_id=obj.id)
