from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from mljudge.core.ratelimits import limited

from . import selectors, services


@require_http_methods(["GET", "POST"])
@login_required
@limited("authoring-sync")
def sync(request):
    """The sync form and history. A POST only queues a run (a worker syncs) and shows it; while one is active,
    a POST shows that one instead of starting another."""
    selectors.require_author(user=request.user)
    root = settings.MLJUDGE_PROBLEMS_DIR
    if request.method == "POST":
        run, created = services.sync_run_request(
            user=request.user, root=root, sandbox_check=bool(request.POST.get("check")),
            draft=bool(request.POST.get("draft")), folders=request.POST.getlist("folder"))
        if not created:
            messages.info(request, f"Sync #{run.id} is still {run.get_status_display().lower()}: "
                                   "this is it. Start another when it has finished.")
        return redirect("authoring:sync_run", run_id=run.id)
    return render(request, "authoring/sync.html", {
        "root": root, "folders": selectors.sync_folder_choices(root=root), "active": selectors.sync_run_active(),
        "runs": selectors.sync_runs_recent(), "drafts": selectors.drafts()})


@require_GET
@login_required
def sync_run(request, run_id: int):
    selectors.require_author(user=request.user)
    return render(request, "authoring/sync_run.html", {"run": selectors.sync_run_by_id(run_id=run_id)})


@require_GET
@login_required
def sync_run_status(request, run_id: int):
    """The run's fragment: htmx polls it every second until the run is done or failed."""
    selectors.require_author(user=request.user)
    return render(request, "authoring/_sync_run.html", {"run": selectors.sync_run_by_id(run_id=run_id)})


@require_GET
@login_required
def draft(request, slug: str):
    selectors.require_author(user=request.user)
    problem = selectors.draft_by_slug(slug=slug)
    return render(request, "authoring/draft.html", {"problem": problem})
