from django.shortcuts import render
from django.views.decorators.cache import never_cache

from mljudge.grading.api import runtime_version
from mljudge.leaderboards.selectors import with_solve_stats
from mljudge.learning.selectors import learning_view
from mljudge.submissions.selectors import draft_for, recent_for_problem
from mljudge.submissions.services import ANSWER_MAX_CHARS

from . import selectors
from .models import Difficulty, Kind


def catalogue(request):
    filters = {key: request.GET.get(key, "").strip()[:100] for key in ("topic", "difficulty", "kind", "status", "q")}
    problems = with_solve_stats(selectors.problem_catalogue(user=request.user, **filters))
    return render(request, "problemset/catalogue.html", {
        "problems": problems, "filters": filters, "topics": selectors.topics_in_use(),
        "difficulties": Difficulty.choices, "kinds": Kind.choices,
        "statuses": [s.value for s in selectors.SolveStatus],
    })


# The page holds the user's draft: never kept by the browser, so Back after logging out (or the next person at
# a shared computer) does not show it, and Back always shows the latest draft.
@never_cache
def problem_detail(request, slug: str):
    problem = selectors.problem_by_slug(slug=slug)
    return render(request, "problemset/detail.html", {
        "problem": problem, "recent": recent_for_problem(viewer=request.user, problem=problem),
        "draft": draft_for(user=request.user, problem=problem),
        "answer_max_chars": ANSWER_MAX_CHARS, "runtime_version": runtime_version(problem.runtime),
        "learning": learning_view(user=request.user, problem=problem),
    })
