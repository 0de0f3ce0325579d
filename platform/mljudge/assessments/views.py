"""Pages of assignments (instructors: create/edit, gradebook with statistics, extensions, publish, CSV;
students: their assignments, one with its countdown and their standing) and mock interviews. Each view parses
its input and calls one service or selector; the clock is policy.now()."""
from __future__ import annotations

import io
from datetime import datetime, timezone as dt_timezone

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mljudge.cohorts.selectors import cohort_for_instructor
from mljudge.core.refusals import Reason, Refused, refusal_response
from mljudge.problemset.models import Difficulty, Problem, Topic

from . import charts, policy, selectors, services
from .models import Counting, HideResults, LatePolicy


def _when(value: str) -> datetime | None:
    """A form's date and time (datetime-local, read as UTC, the site's zone); None if it is not one."""
    try:
        parsed = parse_datetime(value.strip()) if value else None
    except ValueError:
        return None
    if parsed is not None and parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt_timezone.utc)
    return parsed


def _int(value: str, default: int = -1) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _assignment_data(post) -> services.AssignmentData:
    slugs = post.getlist("problem")[:services.MAX_PROBLEMS + 1]
    return services.AssignmentData(
        title=post.get("title", ""), description=post.get("description", ""),
        opens_at=_when(post.get("opens_at", "")), due_at=_when(post.get("due_at", "")),
        problems=[(slug, _int(post.get(f"points-{slug}", ""), 10)) for slug in slugs],
        late_policy=post.get("late_policy", LatePolicy.NONE), late_percent_per_day=_int(post.get("late_percent", "")),
        late_cutoff_days=_int(post.get("late_cutoff_days", "")), counting=post.get("counting", Counting.LAST),
        hide_results=post.get("hide_results", HideResults.NO))


def _form_context(*, cohort, assignment=None) -> dict:
    chosen = {}
    if assignment is not None:
        chosen = {i.problem.slug: i.points for i in selectors.assignment_items(assignment=assignment)}
    catalogue = Problem.objects.filter(is_active=True, is_draft=False).order_by("kind", "difficulty", "title")
    return {"cohort": cohort, "assignment": assignment,
            "catalogue": [(p, p.slug in chosen, chosen.get(p.slug, 10)) for p in catalogue],
            "LatePolicy": LatePolicy, "Counting": Counting, "HideResults": HideResults,
            "max_points": policy.MAX_POINTS, "max_days": policy.MAX_CUTOFF_DAYS}


# --- instructors -------------------------------------------------------------------------------------

@require_GET
@login_required
def cohort_assignments(request, cohort_id: int):
    cohort = cohort_for_instructor(user=request.user, cohort_id=cohort_id)
    return render(request, "assessments/cohort.html", {
        "cohort": cohort, "assignments": selectors.assignments_of_cohort(instructor=request.user, cohort_id=cohort_id),
        "now": policy.now()})


@require_http_methods(["GET", "POST"])
@login_required
def assignment_new(request, cohort_id: int):
    cohort = cohort_for_instructor(user=request.user, cohort_id=cohort_id)
    if request.method == "GET":
        return render(request, "assessments/form.html", _form_context(cohort=cohort))
    try:
        assignment = services.assignment_save(instructor=request.user, cohort_id=cohort.id,
                                              data=_assignment_data(request.POST))
    except Refused as exc:
        return refusal_response(request, exc, back=reverse("assessments:new", args=[cohort.id]))
    messages.success(request, f"Assignment “{assignment.title}” created.")
    return redirect("assessments:gradebook", assignment_id=assignment.id)


@require_http_methods(["GET", "POST"])
@login_required
def assignment_edit(request, assignment_id: int):
    assignment = selectors.assignment_for_instructor(user=request.user, assignment_id=assignment_id)
    if request.method == "GET":
        return render(request, "assessments/form.html", _form_context(cohort=assignment.cohort, assignment=assignment))
    try:
        services.assignment_save(instructor=request.user, cohort_id=assignment.cohort_id,
                                 data=_assignment_data(request.POST), assignment_id=assignment.id)
    except Refused as exc:
        return refusal_response(request, exc, back=reverse("assessments:edit", args=[assignment.id]))
    messages.success(request, "Saved: the gradebook is recomputed with the new rules.")
    return redirect("assessments:gradebook", assignment_id=assignment.id)


@require_GET
@login_required
def gradebook(request, assignment_id: int):
    assignment = selectors.assignment_for_instructor(user=request.user, assignment_id=assignment_id)
    book = selectors.gradebook(assignment=assignment, now=policy.now())
    stats = selectors.assignment_stats(book=book)
    return render(request, "assessments/gradebook.html", {
        "assignment": assignment, "book": book, "stats": stats, "chart": charts.stats_chart(stats=stats),
        "extensions": assignment.extensions.select_related("user").order_by("user__username")})


@require_GET
@login_required
def gradebook_csv(request, assignment_id: int):
    out = io.StringIO()
    services.gradebook_csv(instructor=request.user, assignment_id=assignment_id, out=out, now=policy.now())
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="assignment-{assignment_id}-gradebook.csv"'
    return response


@require_POST
@login_required
def extension(request, assignment_id: int):
    back = reverse("assessments:gradebook", args=[assignment_id])
    due = request.POST.get("due_at", "")
    try:
        granted = services.extension_grant(instructor=request.user, assignment_id=assignment_id,
                                           username=request.POST.get("username", ""),
                                           due_at=None if request.POST.get("remove") else (_when(due) or _invalid()))
    except Refused as exc:
        return refusal_response(request, exc, back=back)
    messages.success(request, f"Extension until {granted.due_at:%Y-%m-%d %H:%M} UTC granted." if granted
                     else "Extension removed.")
    return redirect(back)


def _invalid():
    raise services.AssessmentRefused(Reason.ASSIGNMENT_TIMES)


@require_POST
@login_required
def publish(request, assignment_id: int):
    assignment = services.assignment_publish(instructor=request.user, assignment_id=assignment_id, now=policy.now(),
                                             publish=request.POST.get("withdraw") != "1")
    messages.success(request, "Grades published: students see their results." if assignment.published_at
                     else "Publication withdrawn.")
    return redirect("assessments:gradebook", assignment_id=assignment.id)


# --- students ----------------------------------------------------------------------------------------

@require_GET
@login_required
def my_assignments(request):
    return render(request, "assessments/list.html", {
        "assignments": selectors.assignments_for_student(user=request.user, now=policy.now())})


@require_GET
@login_required
def assignment_detail(request, assignment_id: int):
    now = policy.now()
    assignment = selectors.assignment_for_student(user=request.user, assignment_id=assignment_id, now=now)
    book = selectors.gradebook(assignment=assignment, now=now, only=request.user)
    row = book.rows[0] if book.rows else None
    return render(request, "assessments/detail.html", {
        "assignment": assignment, "book": book, "row": row, "now": now,
        "lines": list(zip(book.items, row.cells)) if row else [],
        "cutoff": row and policy.cutoff(late_policy=assignment.late_policy,
                                        cutoff_days=assignment.late_cutoff_days, due=row.due)})


# --- mock interviews ---------------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
@login_required
def mock_home(request):
    now = policy.now()
    if request.method == "GET":
        return render(request, "assessments/mock_home.html", {
            "running": selectors.mock_session_running(user=request.user, now=now),
            "sessions": selectors.mock_sessions_of(user=request.user)[:50], "lengths": policy.MOCK_LENGTHS,
            "difficulties": Difficulty.choices, "topics": Topic.objects.all()})
    difficulty, topic = request.POST.get("difficulty", "")[:16], request.POST.get("topic", "")[:60]
    source = ", ".join(f"{k}: {v}" for k, v in (("difficulty", difficulty), ("topic", topic)) if v) or "any problem"
    try:
        session = services.mock_start(
            user=request.user, minutes=_int(request.POST.get("minutes")), coding=_int(request.POST.get("coding"), 1),
            with_design=request.POST.get("design") == "1", source=source, now=now,
            pool=services.mock_pool(difficulty=difficulty, topic=topic))
    except Refused as exc:
        return refusal_response(request, exc, back=reverse("assessments:mock_home"))
    return redirect("assessments:mock", session_id=session.id)


@require_GET
@login_required
def mock_detail(request, session_id: int):
    now = policy.now()
    session = selectors.mock_session_for(user=request.user, session_id=session_id)
    return render(request, "assessments/mock.html", {"summary": selectors.mock_summary(session=session, now=now)})


@require_POST
@login_required
def mock_open(request, session_id: int, problem_id: int):
    item = services.mock_problem_open(user=request.user, session_id=session_id, problem_id=problem_id,
                                      now=policy.now())
    return redirect("problemset:detail", slug=item.problem.slug)


@require_POST
@login_required
def mock_end(request, session_id: int):
    services.mock_end(user=request.user, session_id=session_id, now=policy.now())
    return redirect("assessments:mock", session_id=session_id)


