from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from mljudge.core.ratelimits import limited
from mljudge.grading.problems import problems_sync

from . import selectors


@require_http_methods(["GET", "POST"])
@login_required
@limited("authoring-sync")
def sync(request):
    """Syncs problems/ and shows what failed, in which file. Valid folders load; invalid ones change nothing."""
    selectors.require_author(user=request.user)
    report = None
    if request.method == "POST":
        report = problems_sync(root=settings.MLJUDGE_PROBLEMS_DIR, sandbox_check=bool(request.POST.get("check")),
                               draft=bool(request.POST.get("draft")))
    return render(request, "authoring/sync.html", {"report": report, "drafts": selectors.drafts(),
                                                   "root": settings.MLJUDGE_PROBLEMS_DIR})


@require_GET
@login_required
def draft(request, slug: str):
    selectors.require_author(user=request.user)
    problem = selectors.draft_by_slug(slug=slug)
    return render(request, "authoring/draft.html", {"problem": problem})
