"""Instructors' cohorts over the API: the ones I instruct, a roster, what members share (filtered), the export.
Who may see which submission is cohorts.selectors' rule (consent and its time window); nothing here adds to it."""

import io
from datetime import datetime
from typing import Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from mljudge.accounts.selectors import display_name_for
from mljudge.api.auth import scoped
from mljudge.api.models import Scope
from mljudge.api.paging import Paged
from mljudge.cohorts import selectors, services
from mljudge.review.selectors import DashboardFilters, dashboard_submissions

from .review_shapes import ReviewSubmissionSummary

router = Router(tags=["instructors"])
REVIEW = scoped(Scope.REVIEW)


class CohortOut(Schema):
    id: int
    name: str
    members: int = Field(description="Members who accepted (instructors not counted).")
    created_at: datetime


class RosterEntry(Schema):
    username: str
    display_name: str
    role: str
    accepted_at: datetime | None
    share_past: bool = Field(description="The member lets instructors see work from before accepting.")


class Invitation(Schema):
    username: str
    display_name: str
    role: str
    invited_by: str | None
    invited_at: datetime


class Roster(Schema):
    cohort: CohortOut
    members: list[RosterEntry]
    invitations: list[Invitation] = Field(description="Pending: these users see nothing shared until they accept.")


class ExportRowOut(Schema):
    username: str
    display_name: str
    scores: dict[str, float | None] = Field(description="Problem slug → best effective score (null: none).")


class ExportOut(Schema):
    cohort: CohortOut
    problems: list[str]
    rows: list[ExportRowOut]


class SubmissionFilters(Schema):
    problem: str = Field("", max_length=100)
    user: str = Field("", max_length=150, description="A username (case-insensitive).")
    verdict: str = Field("", max_length=40, description="A verdict, or awaiting_review for unpublished answers.")
    mode: str = Field("", max_length=16)


def _cohort(cohort) -> dict:
    return {"id": cohort.id, "name": cohort.name, "members": cohort.members, "created_at": cohort.created_at}


@router.get("/cohorts", response=list[CohortOut], auth=REVIEW, summary="The cohorts you instruct")
@paginate(Paged)
def cohort_list(request: HttpRequest):
    return selectors.cohorts_instructed_by(user=request.user).order_by("name", "id")


@router.get("/cohorts/{int:cohort_id}/members", response=Roster, auth=REVIEW,
            summary="A cohort's roster and pending invitations")
def cohort_members(request: HttpRequest, cohort_id: int):
    cohort = selectors.cohort_for_instructor(user=request.user, cohort_id=cohort_id)
    return {
        "cohort": _cohort(cohort),
        "members": [{"username": m.user.username, "display_name": display_name_for(user=m.user), "role": m.role,
                     "accepted_at": m.accepted_at, "share_past": m.share_past}
                    for m in selectors.cohort_roster(cohort=cohort)],
        "invitations": [{"username": m.user.username, "display_name": display_name_for(user=m.user), "role": m.role,
                         "invited_by": m.invited_by.username if m.invited_by else None, "invited_at": m.joined_at}
                        for m in selectors.cohort_invitations(cohort=cohort)],
    }


@router.get("/cohorts/{int:cohort_id}/submissions", response=list[ReviewSubmissionSummary], auth=REVIEW,
            summary="What the cohort's members share with it, newest first")
@paginate(Paged)
def cohort_submissions(request: HttpRequest, cohort_id: int, filters: Query[SubmissionFilters]):
    cohort = selectors.cohort_for_instructor(user=request.user, cohort_id=cohort_id)
    return dashboard_submissions(viewer=request.user, filters=DashboardFilters(
        cohort=cohort, problem=filters.problem, user=filters.user, verdict=filters.verdict, mode=filters.mode))


@router.get("/cohorts/{int:cohort_id}/export", response=ExportOut, auth=REVIEW,
            summary="Best score per problem per member (CSV as on the cohort page, or JSON)",
            openapi_extra={"responses": {200: {"content": {"text/csv": {"schema": {"type": "string"}}}}}})
def cohort_export(request: HttpRequest, cohort_id: int, format: Literal["csv", "json"] = "csv"):  # noqa: A002
    if format == "csv":
        out = io.StringIO()
        services.cohort_export_csv(instructor=request.user, cohort_id=cohort_id, out=out)
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="cohort-{cohort_id}-best-scores.csv"'
        return response
    export = services.cohort_export(instructor=request.user, cohort_id=cohort_id)
    return {"cohort": _cohort(export.cohort), "problems": export.problems,
            "rows": [{"username": r.username, "display_name": r.display_name, "scores": r.scores}
                     for r in export.rows]}
