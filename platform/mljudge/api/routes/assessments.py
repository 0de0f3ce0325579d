"""Assignments over the API: an instructor's assignments of a cohort (list, create, edit), extensions, the
gradebook (JSON or CSV) and publishing grades; a student's assignments and their standing. Everything is
assessments' services and selectors (rules: assessments.policy); nothing here adds a rule."""

import io
from datetime import datetime
from typing import Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import AwareDatetime, StrictBool, StrictInt, StrictStr

from mljudge.accounts.selectors import display_name_for
from mljudge.api.auth import scoped
from mljudge.api.models import Scope
from mljudge.api.paging import Mapped, Paged
from mljudge.assessments import policy, selectors, services
from mljudge.assessments.models import Counting, HideResults, LatePolicy

router = Router(tags=["assignments"])
REVIEW, READ = scoped(Scope.REVIEW), scoped(Scope.READ)


class ItemOut(Schema):
    problem: str
    points: int


class AssignmentOut(Schema):
    id: int
    cohort: int
    title: str
    description: str
    opens_at: datetime
    due_at: datetime
    late_policy: LatePolicy
    late_percent_per_day: int
    late_cutoff_days: int
    counting: Counting
    hide_results: HideResults
    published_at: datetime | None
    problems: list[ItemOut]


class ItemIn(Schema):
    problem: StrictStr = Field(max_length=100, description="A problem's slug.")
    points: StrictInt = Field(10, description=f"1 to {policy.MAX_POINTS}.")


class AssignmentIn(Schema):
    title: StrictStr = Field(max_length=services.TITLE_MAX)
    description: StrictStr = Field("", max_length=10_000)
    # Times carry their zone ("…Z" or "+02:00"): a zone-less time would be read in nobody knows which (422).
    opens_at: AwareDatetime
    due_at: AwareDatetime
    problems: list[ItemIn] = Field(max_length=services.MAX_PROBLEMS + 1)
    late_policy: LatePolicy = LatePolicy.NONE
    late_percent_per_day: StrictInt = 10
    late_cutoff_days: StrictInt = 3
    counting: Counting = Counting.LAST
    hide_results: HideResults = HideResults.NO


class ExtensionIn(Schema):
    username: StrictStr = Field(max_length=150)
    due_at: AwareDatetime | None = Field(description="The student's own due time, with its zone; null removes "
                                                     "their extension.")


class ExtensionOut(Schema):
    username: str
    due_at: datetime | None


class PublishIn(Schema):
    publish: StrictBool = Field(True, description="false withdraws the publication (results hidden again).")


class CellOut(Schema):
    problem: str
    points: float | None = Field(description="null: nothing counts yet (or the result is hidden from you).")
    max_points: int
    solved: bool | None
    late_days: int | None
    attempts: int
    pending: int
    submission: int | None = Field(description="The submission that counts.")
    result_hidden: bool = False
    result_hidden_until: datetime | None = None


class RowOut(Schema):
    username: str
    display_name: str
    due_at: datetime = Field(description="The student's due time (their extension's, if any).")
    extended: bool
    total: float | None
    cells: list[CellOut]


class GradebookOut(Schema):
    assignment: AssignmentOut
    max_total: int
    rows: list[RowOut]


def _assignment(a) -> dict:
    return {"id": a.id, "cohort": a.cohort_id, "title": a.title, "description": a.description,
            "opens_at": a.opens_at, "due_at": a.due_at, "late_policy": a.late_policy,
            "late_percent_per_day": a.late_percent_per_day, "late_cutoff_days": a.late_cutoff_days,
            "counting": a.counting, "hide_results": a.hide_results, "published_at": a.published_at,
            "problems": [{"problem": i.problem.slug, "points": i.points}
                         for i in selectors.assignment_items(assignment=a)]}


def _cell(item, cell, *, as_student: bool) -> dict:
    hidden = cell.hidden_until if as_student and cell.attempts else False
    if hidden:
        return {"problem": item.problem.slug, "points": None, "max_points": item.points, "solved": None,
                "late_days": None, "attempts": cell.attempts, "pending": cell.pending, "submission": None,
                "result_hidden": True, "result_hidden_until": hidden if hidden is not True else None}
    return {"problem": item.problem.slug, "points": cell.points, "max_points": item.points, "solved": cell.solved,
            "late_days": cell.late_days, "attempts": cell.attempts, "pending": cell.pending,
            "submission": cell.counted_id}


def _book(book, *, as_student: bool) -> dict:
    rows = []
    for row in book.rows:
        cells = [_cell(item, cell, as_student=as_student) for item, cell in zip(book.items, row.cells)]
        rows.append({"username": row.user.username, "display_name": display_name_for(user=row.user),
                     "due_at": row.due, "extended": row.extended, "cells": cells,
                     "total": None if any(c.get("result_hidden") for c in cells) else row.total})
    return {"assignment": _assignment(book.assignment), "max_total": book.max_total, "rows": rows}


def _data(payload: AssignmentIn) -> services.AssignmentData:
    return services.AssignmentData(
        title=payload.title, description=payload.description, opens_at=payload.opens_at, due_at=payload.due_at,
        problems=[(i.problem, i.points) for i in payload.problems], late_policy=payload.late_policy,
        late_percent_per_day=payload.late_percent_per_day, late_cutoff_days=payload.late_cutoff_days,
        counting=payload.counting, hide_results=payload.hide_results)


# --- instructors -------------------------------------------------------------------------------------

@router.get("/cohorts/{int:cohort_id}/assignments", response=list[AssignmentOut], auth=REVIEW,
            summary="A cohort's assignments (you instruct it), soonest due first")
@paginate(Paged)
def cohort_assignments(request: HttpRequest, cohort_id: int):
    return Mapped(selectors.assignments_of_cohort(instructor=request.user, cohort_id=cohort_id), _assignment)


@router.post("/cohorts/{int:cohort_id}/assignments", response={201: AssignmentOut}, auth=REVIEW,
             summary="Create an assignment in a cohort you instruct")
def assignment_create(request: HttpRequest, cohort_id: int, payload: AssignmentIn):
    assignment = services.assignment_save(instructor=request.user, cohort_id=cohort_id, data=_data(payload))
    return Status(201, _assignment(assignment))


@router.put("/assignments/{int:assignment_id}", response=AssignmentOut, auth=REVIEW,
            summary="Replace an assignment's settings and problems (the gradebook is recomputed)")
def assignment_update(request: HttpRequest, assignment_id: int, payload: AssignmentIn):
    assignment = selectors.assignment_for_instructor(user=request.user, assignment_id=assignment_id)
    return _assignment(services.assignment_save(instructor=request.user, cohort_id=assignment.cohort_id,
                                                data=_data(payload), assignment_id=assignment.id))


@router.post("/assignments/{int:assignment_id}/extensions", response=ExtensionOut, auth=REVIEW,
             summary="Give one student their own due time (or remove it with due_at null)")
def extension_grant(request: HttpRequest, assignment_id: int, payload: ExtensionIn):
    extension = services.extension_grant(instructor=request.user, assignment_id=assignment_id,
                                         username=payload.username, due_at=payload.due_at)
    return {"username": payload.username, "due_at": extension.due_at if extension else None}


@router.post("/assignments/{int:assignment_id}/publish", response=AssignmentOut, auth=REVIEW,
             summary="Publish the grades (hidden results become visible), or withdraw the publication")
def publish(request: HttpRequest, assignment_id: int, payload: PublishIn):
    return _assignment(services.assignment_publish(instructor=request.user, assignment_id=assignment_id,
                                                   now=policy.now(), publish=payload.publish))


@router.get("/assignments/{int:assignment_id}/gradebook", response=GradebookOut, auth=REVIEW,
            summary="Students × problems with late days and extensions (JSON, or CSV as on the page)",
            openapi_extra={"responses": {200: {"content": {"text/csv": {"schema": {"type": "string"}}}}}})
def gradebook(request: HttpRequest, assignment_id: int, format: Literal["json", "csv"] = "json"):  # noqa: A002
    if format == "csv":
        out = io.StringIO()
        services.gradebook_csv(instructor=request.user, assignment_id=assignment_id, out=out, now=policy.now())
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="assignment-{assignment_id}-gradebook.csv"'
        return response
    assignment = selectors.assignment_for_instructor(user=request.user, assignment_id=assignment_id)
    return _book(selectors.gradebook(assignment=assignment, now=policy.now()), as_student=False)


# --- students ----------------------------------------------------------------------------------------

@router.get("/assignments", response=list[AssignmentOut], auth=READ,
            summary="The open assignments of your cohorts, soonest due first")
@paginate(Paged)
def my_assignments(request: HttpRequest):
    return Mapped(selectors.assignments_for_student(user=request.user, now=policy.now()), _assignment)


@router.get("/assignments/{int:assignment_id}", response=GradebookOut, auth=READ,
            summary="One of your assignments with your standing (your row of its gradebook)")
def my_assignment(request: HttpRequest, assignment_id: int):
    now = policy.now()
    assignment = selectors.assignment_for_student(user=request.user, assignment_id=assignment_id, now=now)
    return _book(selectors.gradebook(assignment=assignment, now=now, only=request.user), as_student=True)
