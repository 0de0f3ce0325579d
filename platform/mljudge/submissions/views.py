from urllib.parse import parse_qsl

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mljudge.cohorts.services import code_access_record
from mljudge.core.http import too_big_message
from mljudge.core.markdown import highlight_python
from mljudge.core.ratelimits import limited
from mljudge.grading.api import MAX_SOURCE_BYTES, SourceProblem, source_too_big_message
from mljudge.grading.queue import queue_position
from mljudge.grading.reports import solver_view
from mljudge.problemset.selectors import problem_by_slug

from mljudge.review import selectors as review_selectors
from mljudge.review import services as review_services

from . import selectors
from .forms import DesignAnswerForm
from .models import Mode
from .services import (Refusal, SourceRejected, SubmissionRefused, design_answer_create, design_answer_preview,
                       draft_clear, draft_save, submission_create)

# One table per refusal type: the reason, never the message, decides the status (main.js swaps these in).
SOURCE_REFUSAL_STATUS = {SourceProblem.TOO_LARGE: 413}   # anything else about the code itself: 400
REFUSAL_STATUS = {Refusal.INVALID: 400, Refusal.TOO_LONG: 413, Refusal.TOO_MANY: 429}


def _refused(request, problem, text: str, status: int = 400):
    if request.htmx:
        return render(request, "submissions/_refused.html", {"text": text}, status=status)
    messages.error(request, text)
    return redirect("problemset:detail", slug=problem.slug)


def _raw_source(request) -> bytes | None:
    """The code exactly as sent. Django decodes form fields with errors='replace', which would hide
    non-UTF-8 bytes; the check must see the original bytes (an uploaded .py file, or the urlencoded body)."""
    upload = request.FILES.get("source_file")
    if upload is not None:
        return upload.read(MAX_SOURCE_BYTES + 1)
    if request.content_type == "application/x-www-form-urlencoded":
        # latin-1 maps bytes to characters one to one, so percent-decoding keeps the original bytes.
        for key, value in parse_qsl(request.body.decode("latin-1"), keep_blank_values=True, encoding="latin-1"):
            if key == "source":
                return value.encode("latin-1")
        return None
    text = request.POST.get("source")
    return None if text is None else text.encode("utf-8", "surrogatepass")


def _code(request, slug: str, mode: Mode):
    problem = problem_by_slug(slug=slug)
    raw = _raw_source(request)
    if raw is None:
        return _refused(request, problem, "No code was sent.")
    raw = raw.replace(b"\r\n", b"\n")
    try:
        submission = submission_create(user=request.user, problem=problem, source=raw, mode=mode)
    except SourceRejected as exc:
        return _refused(request, problem, str(exc), SOURCE_REFUSAL_STATUS.get(exc.reason, 400))
    except SubmissionRefused as exc:
        return _refused(request, problem, str(exc), REFUSAL_STATUS[exc.reason])
    if request.htmx:
        return render(request, "submissions/_status.html", selectors_context(submission))
    return redirect("submissions:detail", submission_id=submission.id)


@too_big_message(source_too_big_message)
@require_POST
@login_required
def run(request, slug: str):
    return _code(request, slug, Mode.RUN)


@too_big_message(source_too_big_message)
@require_POST
@login_required
def submit(request, slug: str):
    return _code(request, slug, Mode.SUBMIT)


@require_POST
@login_required
def answer(request, slug: str):
    problem = problem_by_slug(slug=slug)
    form = DesignAnswerForm(request.POST)
    if not form.is_valid():
        return _refused(request, problem, "Your answer is empty.")
    try:
        submission = design_answer_create(user=request.user, problem=problem, answer=form.cleaned_data["answer"])
    except SubmissionRefused as exc:
        return _refused(request, problem, str(exc), REFUSAL_STATUS[exc.reason])
    return redirect("submissions:detail", submission_id=submission.id)


@require_POST
@login_required
@limited("preview")
def preview(request):
    """Markdown preview of a design answer: checked, rendered and sanitised exactly as it will be stored.
    Longer than an answer may be: refused with the reason (htmx swaps 413 into the preview)."""
    try:
        html = design_answer_preview(answer=request.POST.get("answer", ""))
    except SubmissionRefused as exc:
        return render(request, "submissions/_refused.html", {"text": str(exc)}, status=REFUSAL_STATUS[exc.reason])
    return HttpResponse(html or "<p><em>Nothing yet.</em></p>")


@require_http_methods(["POST", "DELETE"])
@login_required
def draft(request, slug: str):
    """The editor's autosave (POST source=…: 200 with the time it was saved) and its Reset (DELETE: 204).
    A refusal is a short text/plain reason; the previous draft is kept."""
    problem = problem_by_slug(slug=slug)
    if request.method == "DELETE":
        draft_clear(user=request.user, problem=problem)
        return HttpResponse(status=204)
    raw = _raw_source(request)
    if raw is None:
        return HttpResponse("No code was sent.", status=400, content_type="text/plain")
    try:
        saved = draft_save(user=request.user, problem=problem, source=raw)
    except SourceRejected as exc:
        return HttpResponse(str(exc), status=SOURCE_REFUSAL_STATUS.get(exc.reason, 400), content_type="text/plain")
    except SubmissionRefused as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain")
    return JsonResponse({"saved_at": saved.updated_at.isoformat()})


def selectors_context(submission) -> dict:
    # The stored report is the full one (instructors see hidden tests); these pages show the solver's view.
    return {"submission": submission, "view": solver_view(submission=submission),
            "ahead": queue_position(submission=submission)}


@require_GET
@login_required
def detail(request, submission_id: int):
    submission = selectors.submission_for_viewer(viewer=request.user, submission_id=submission_id)
    code_access_record(viewer=request.user, submission=submission)  # staff opening someone else's: logged
    body = submission.answer_html if submission.mode == Mode.DESIGN else highlight_python(submission.source)
    is_owner = submission.user_id == request.user.pk
    review_services.feedback_mark_seen(viewer=request.user, submission=submission)
    return render(request, "submissions/detail.html", {
        **selectors_context(submission), "body_html": body, "is_owner": is_owner,
        "comments": review_selectors.comments_for(submission=submission),
        "comment_max_chars": review_services.MAX_COMMENT,
        "rubric_grade": review_selectors.rubric_grade_for(submission=submission, published_only=True),
    })


@require_GET
@login_required
def status(request, submission_id: int):
    """The live part of a submission page, polled by htmx until the verdict is final."""
    submission = selectors.submission_for_viewer(viewer=request.user, submission_id=submission_id)
    code_access_record(viewer=request.user, submission=submission)
    return render(request, "submissions/_status.html", selectors_context(submission))


@require_GET
@login_required
def history(request):
    everyone = request.GET.get("all") == "1"
    problem = problem_by_slug(slug=request.GET["problem"]) if request.GET.get("problem") else None
    qs = selectors.submissions_visible_to(viewer=request.user, problem=problem, everyone=everyone)
    if request.GET.get("mode") in Mode.values:
        qs = qs.filter(mode=request.GET["mode"])
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "submissions/history.html", {
        "page": page, "problem": problem, "everyone": everyone,
        "can_view_all": selectors.can_view_all_submissions(user=request.user),
    })
