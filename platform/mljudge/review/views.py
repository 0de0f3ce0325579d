from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from mljudge.cohorts.models import Cohort
from mljudge.cohorts.selectors import (cohort_for_instructor, cohorts_instructed_by, reviewable_submissions,
                                      submission_for_reviewer)
from mljudge.cohorts.services import code_access_record
from mljudge.core.markdown import highlight_python
from mljudge.core.ratelimits import limited
from mljudge.core.refusals import Reason, Refused, refusal_response
from mljudge.learning.selectors import learning_record_for
from mljudge.submissions.models import Mode, Verdict

from . import selectors, services


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@require_GET
@login_required
def dashboard(request):
    services.require_reviewer(user=request.user)
    get = {k: request.GET.get(k, "").strip()[:100]
           for k in ("cohort", "problem", "user", "verdict", "from", "to", "sort")}
    cohort = cohort_for_instructor(user=request.user, cohort_id=int(get["cohort"])) if get["cohort"].isdigit() else None
    filters = selectors.DashboardFilters(cohort=cohort, problem=get["problem"], user=get["user"],
                                         verdict=get["verdict"], date_from=_date(get["from"]),
                                         date_to=_date(get["to"]), sort=get["sort"] or "-created")
    page = Paginator(selectors.dashboard_submissions(viewer=request.user, filters=filters), 50).get_page(
        request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    sortless = query.copy()
    sortless.pop("sort", None)
    return render(request, "review/dashboard.html", {
        "page": page, "get": get, "cohorts": cohorts_instructed_by(user=request.user),
        "problems": selectors.problems_for_review(), "verdicts": Verdict.choices,
        "query": query.urlencode(), "sortless": sortless.urlencode(),
    })


@require_GET
@login_required
def submission(request, submission_id: int):
    sub = submission_for_reviewer(viewer=request.user, submission_id=submission_id)
    previous = selectors.previous_attempt(viewer=request.user, submission=sub)
    for shown in (sub, previous):
        if shown is not None:
            code_access_record(viewer=request.user, submission=shown)
    design = sub.mode == Mode.DESIGN
    rubric = selectors.rubric_of(problem=sub.problem) if design else []
    grade = selectors.rubric_grade_for(submission=sub, published_only=False)
    rows = [{**c, "given": (grade.criteria[i]["points"] if grade and i < len(grade.criteria) else ""),
             "comment": (grade.criteria[i]["comment"] if grade and i < len(grade.criteria) else "")}
            for i, c in enumerate(rubric)]
    return render(request, "review/submission.html", {
        "submission": sub, "report": sub.report or {},
        "learning_record": learning_record_for(user_id=sub.user_id, problem_id=sub.problem_id),
        "body_html": sub.answer_html if design else highlight_python(sub.source),
        "previous": previous,
        "diff_html": previous and selectors.diff_html(before=previous.source, after=sub.source,
                                                      before_label=f"#{previous.id}", after_label=f"#{sub.id}"),
        "comments": selectors.comments_for(submission=sub), "comment_max_chars": services.MAX_COMMENT,
        "overrides": selectors.overrides_for(submission=sub),
        "override_range": selectors.override_range_text(problem=sub.problem),
        "max_override_reason": services.MAX_OVERRIDE_REASON, "rubric_rows": rows, "grade": grade,
    })


def _number(raw: str, reason: Reason) -> float:
    try:
        return float(raw)
    except ValueError:
        raise Refused(reason) from None


def _back(submission_id: int):
    return redirect("review:submission", submission_id=submission_id)


@require_POST
@login_required
@limited("comment")
def comment(request, submission_id: int):
    """Reviewers comment here; a submission's author replies from their own page (same service)."""
    own = request.POST.get("next") == "own"
    back = reverse("submissions:detail" if own else "review:submission", args=[submission_id])
    try:
        services.comment_create(author=request.user, submission_id=submission_id, body=request.POST.get("body", ""))
    except Refused as exc:
        return refusal_response(request, exc, back=back)
    return redirect(back)


@require_POST
@login_required
def override(request, submission_id: int):
    raw = request.POST.get("score", "").strip()
    try:
        score = _number(raw, Reason.SCORE_NOT_A_NUMBER) if raw else None
        services.score_override_set(by=request.user, submission_id=submission_id, score=score,
                                    reason=request.POST.get("reason", ""))
    except Refused as exc:
        return refusal_response(request, exc, back=reverse("review:submission", args=[submission_id]))
    messages.success(request, "Score override recorded.")
    return _back(submission_id)


@require_POST
@login_required
def rubric(request, submission_id: int):
    sub = submission_for_reviewer(viewer=request.user, submission_id=submission_id)
    rows = range(len(selectors.rubric_of(problem=sub.problem)))   # the form has one row per criterion
    try:
        given = [services.GivenPoints(points=_number(request.POST.get(f"points-{i}", ""), Reason.POINTS_NOT_NUMBERS),
                                      comment=request.POST.get(f"comment-{i}", "")) for i in rows]
        services.rubric_grade_submit(by=request.user, submission_id=sub.id, given=given,
                                     publish=bool(request.POST.get("publish")))
    except Refused as exc:
        return refusal_response(request, exc, back=reverse("review:submission", args=[sub.id]))
    messages.success(request, "Rubric saved" + (" and published." if request.POST.get("publish") else "."))
    return _back(sub.id)


@require_GET
@login_required
def plagiarism(request, cohort_id: int):
    cohort = cohort_for_instructor(user=request.user, cohort_id=cohort_id)
    problem = selectors.problem_for_similarity(slug=request.GET.get("problem", "")[:100])
    pairs = selectors.similar_pairs(cohort=cohort, problem_id=problem.id, starter=problem.starter) if problem else []
    return render(request, "review/plagiarism.html", {
        "cohort": cohort, "problem": problem, "pairs": pairs,
        "problems": selectors.problems_for_review(code_only=True),
    })


@require_GET
@login_required
def plagiarism_pair(request, cohort_id: int, a: int, b: int):
    cohort: Cohort = cohort_for_instructor(user=request.user, cohort_id=cohort_id)
    pair = {s.id: s for s in reviewable_submissions(viewer=request.user, cohort=cohort).filter(id__in=[a, b])}
    if a not in pair or b not in pair or pair[a].problem_id != pair[b].problem_id:
        raise Http404("No such pair in this cohort")
    sub_a, sub_b = pair[a], pair[b]
    for shown in (sub_a, sub_b):
        code_access_record(viewer=request.user, submission=shown)
    return render(request, "review/pair.html", {
        "cohort": cohort, "a": sub_a, "b": sub_b,
        **selectors.side_by_side(a=sub_a, b=sub_b, starter=sub_a.problem.starter)})
