from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mljudge.core.ratelimits import limited
from mljudge.core.refusals import Refused, refusal_response
from mljudge.problemset.selectors import problem_by_slug

from . import selectors, services


def _learning_context(request, problem) -> dict:
    return {"problem": problem, "learning": selectors.learning_view(user=request.user, problem=problem)}


@require_POST
@login_required
@limited("learning")
def hint_next(request, slug: str):
    """Reveals the next hint; htmx swaps the hints ladder, a plain form comes back to the problem."""
    problem = problem_by_slug(slug=slug)
    back = reverse("problemset:detail", args=[problem.slug]) + "#hints"
    try:
        services.hint_reveal_next(user=request.user, problem=problem)
    except Refused as exc:
        return refusal_response(request, exc, back=back)
    if request.htmx:
        return render(request, "learning/_hints.html", _learning_context(request, problem))
    return redirect(back)


@require_http_methods(["GET", "POST"])
@login_required
@limited("learning")
def give_up(request, slug: str):
    """GET: the confirm step, which states the forfeit. POST: give up and show the editorial."""
    problem = problem_by_slug(slug=slug)
    back = reverse("problemset:detail", args=[problem.slug])
    if request.method == "POST":
        try:
            services.editorial_give_up(user=request.user, problem=problem)
        except Refused as exc:   # a mock interview runs (learning.selectors.locked_by_mock)
            return refusal_response(request, exc, back=back)
        return redirect(back + "#editorial")
    return render(request, "learning/give_up.html", _learning_context(request, problem))


@require_GET
def plans(request):
    return render(request, "learning/plans.html", {"plans": selectors.plans_for(user=request.user)})


@require_GET
def plan(request, slug: str):
    return render(request, "learning/plan.html", {"view": selectors.plan_for(user=request.user, slug=slug)})
