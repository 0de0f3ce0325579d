from urllib.parse import parse_qsl, urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mljudge.cohorts.services import code_access_record
from mljudge.core.http import reads_raw_body, too_big_message
from mljudge.core.markdown import highlight_python
from mljudge.core.ratelimits import limited
from mljudge.core.rawforms import raw_field
from mljudge.core.refusals import Reason, Refused, refusal_response
from mljudge.grading.api import source_too_big
from mljudge.grading.queue import queue_position
from mljudge.grading.reports import solver_view
from mljudge.learning.selectors import next_in_plan_after
from mljudge.problemset.selectors import problem_by_slug

from mljudge.review import selectors as review_selectors
from mljudge.review import services as review_services

from . import selectors
from .models import Mode, Verdict
from .services import (design_answer_create, design_answer_preview, draft_clear, draft_save, submission_cancel,
                       submission_create)

# htmx event sent when a polled submission reaches its final state: the problem page's recent submissions and
# statistics listen for it (hx-trigger="… from:body") and fetch themselves again.
FINAL_EVENT = "submission-final"


def _refused(request, problem, refusal: Refused):
    """In place for htmx, else flashed on the problem's page (core.refusals decides the status)."""
    return refusal_response(request, refusal, back=reverse("problemset:detail", args=[problem.slug]))


def _raw_source(request) -> bytes | None:
    """The code exactly as sent, from a pasted field or an uploaded .py file, in either form encoding (the
    views are marked reads_raw_body): Django's decoded fields would hide non-UTF-8 bytes behind U+FFFD, and
    the engine's check must see the original bytes. A malformed multipart body raises Refused."""
    return raw_field(request, "source_file", "source")


def _code(request, slug: str, mode: Mode):
    problem = problem_by_slug(slug=slug)
    try:
        raw = _raw_source(request)
    except Refused as exc:  # FORM_MALFORMED
        return _refused(request, problem, exc)
    if raw is None:
        return _refused(request, problem, Refused(Reason.NO_SOURCE))
    try:
        submission = submission_create(user=request.user, problem=problem, source=raw, mode=mode)
    except Refused as exc:  # SourceRejected, SubmissionRefused
        return _refused(request, problem, exc)
    if request.htmx:
        return render(request, "submissions/_status.html", selectors_context(submission))
    return redirect("submissions:detail", submission_id=submission.id)


@too_big_message(source_too_big)
@reads_raw_body
@require_POST
@login_required
def run(request, slug: str):
    return _code(request, slug, Mode.RUN)


@too_big_message(source_too_big)
@reads_raw_body
@require_POST
@login_required
def submit(request, slug: str):
    return _code(request, slug, Mode.SUBMIT)


@require_POST
@login_required
def answer(request, slug: str):
    problem = problem_by_slug(slug=slug)
    # The service checks the answer (empty, NUL, length) and names the reason; a form's validation would
    # call a NUL "empty".
    try:
        submission = design_answer_create(user=request.user, problem=problem, answer=request.POST.get("answer", ""))
    except Refused as exc:
        return _refused(request, problem, exc)
    return redirect("submissions:detail", submission_id=submission.id)


@require_POST
@login_required
@limited("preview")
def preview(request):
    """Markdown preview of a design answer: checked, rendered and sanitised exactly as it will be stored.
    Longer than an answer may be: refused with the reason (htmx swaps 413 into the preview)."""
    try:
        html = design_answer_preview(answer=request.POST.get("answer", ""))
    except Refused as exc:
        return refusal_response(request, exc)
    return HttpResponse(html or "<p><em>Nothing yet.</em></p>")


@reads_raw_body
@require_http_methods(["POST", "DELETE"])
@login_required
def draft(request, slug: str):
    """The editor's autosave (POST source=…: 200 with the time it was saved) and its Reset (DELETE: 204).
    A refusal is a short text/plain reason; the previous draft is kept."""
    problem = problem_by_slug(slug=slug)
    if request.method == "DELETE":
        draft_clear(user=request.user, problem=problem)
        return HttpResponse(status=204)
    try:
        raw = _raw_source(request)
    except Refused as exc:  # FORM_MALFORMED
        return refusal_response(request, exc, plain=True)
    if raw is None:
        return refusal_response(request, Refused(Reason.NO_SOURCE), plain=True)
    try:
        saved = draft_save(user=request.user, problem=problem, source=raw)
    except Refused as exc:  # SourceRejected, SubmissionRefused
        return refusal_response(request, exc, plain=True)
    return JsonResponse({"saved_at": saved.updated_at.isoformat()})


def selectors_context(submission) -> dict:
    # The stored report is the full one (instructors see hidden tests); these pages show the solver's view.
    return {"submission": submission, "view": solver_view(submission=submission),
            "ahead": queue_position(submission=submission), "next_in_plan": next_in_plan_after(submission=submission)}


@require_GET
@login_required
def detail(request, submission_id: int):
    submission = selectors.submission_for_viewer(viewer=request.user, submission_id=submission_id)
    code_access_record(viewer=request.user, submission=submission)  # staff opening someone else's: logged
    body = submission.answer_html if submission.mode == Mode.DESIGN else highlight_python(submission.source)
    is_owner = submission.user_id == request.user.pk
    review_services.feedback_mark_seen(viewer=request.user, submission=submission)
    context = selectors_context(submission)
    # A published rubric grade is the design answer's result: hidden with it while an assignment hides results.
    grade = None if context["view"].hidden_until else review_selectors.rubric_grade_for(submission=submission,
                                                                                         published_only=True)
    return render(request, "submissions/detail.html", {
        **context, "body_html": body, "is_owner": is_owner,
        "comments": review_selectors.comments_for(submission=submission),
        "comment_max_chars": review_services.MAX_COMMENT, "rubric_grade": grade,
    })


@require_GET
@login_required
def status(request, submission_id: int):
    """The live part of a submission page, polled by htmx until the verdict is final. The final answer tells
    the page (FINAL_EVENT), so the parts that show the user's results refresh once, when there is news."""
    submission = selectors.submission_for_viewer(viewer=request.user, submission_id=submission_id)
    code_access_record(viewer=request.user, submission=submission)
    response = render(request, "submissions/_status.html", selectors_context(submission))
    if submission.is_final:
        response["HX-Trigger"] = FINAL_EVENT
    return response


@require_POST
@login_required
def cancel(request, submission_id: int):
    """Withdraws the user's own queued run or submission (the Cancel button of its status panel)."""
    try:
        submission = submission_cancel(user=request.user, submission_id=submission_id)
    except Refused as exc:
        response = refusal_response(request, exc, back=reverse("submissions:detail", args=[submission_id]))
        if request.htmx:  # beside the button, not over the panel, which goes on polling
            response["HX-Retarget"] = f"#cancel-note-{submission_id}"
            response["HX-Reswap"] = "innerHTML"
        return response
    if request.htmx:
        response = render(request, "submissions/_status.html", selectors_context(submission))
        response["HX-Trigger"] = FINAL_EVENT
        return response
    messages.success(request, f"Submission #{submission.id} was cancelled.")
    return redirect("submissions:detail", submission_id=submission.id)


@require_GET
@login_required
def recent(request, slug: str):
    """The problem page's "Your recent submissions" panel, fetched again after FINAL_EVENT."""
    problem = problem_by_slug(slug=slug)
    return render(request, "submissions/_recent.html", {
        "problem": problem, "recent": selectors.recent_for_problem(viewer=request.user, problem=problem)})


HISTORY_FILTERS = ("problem", "verdict", "mode")


@require_GET
@login_required
def history(request):
    everyone = request.GET.get("all") == "1"
    filters = {key: request.GET.get(key, "").strip()[:100] for key in HISTORY_FILTERS}
    problem = problem_by_slug(slug=filters["problem"]) if filters["problem"] else None
    qs = selectors.submissions_visible_to(viewer=request.user, problem=problem, everyone=everyone,
                                          mode=filters["mode"], verdict=filters["verdict"])
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    kept = {**{k: v for k, v in filters.items() if v}, **({"all": "1"} if everyone else {})}
    return render(request, "submissions/history.html", {
        "page": page, "problem": problem, "everyone": everyone, "filters": filters,
        "query": urlencode(kept),   # the filters, kept by the pagination links and the Only mine/Everyone's one
        "query_others": urlencode({k: v for k, v in kept.items() if k != "all"}),
        "problems": selectors.history_problems(viewer=request.user, everyone=everyone),
        "verdicts": Verdict.choices, "modes": Mode.choices,
        "can_view_all": selectors.can_view_all_submissions(user=request.user),
    })
