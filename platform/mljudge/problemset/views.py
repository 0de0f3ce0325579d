from django.shortcuts import render

from mljudge.submissions.selectors import recent_for_problem
from mljudge.submissions.services import ANSWER_MAX_CHARS

from . import selectors
from .models import Difficulty, Kind


def catalogue(request):
    filters = {key: request.GET.get(key, "").strip()[:100] for key in ("topic", "difficulty", "kind", "status", "q")}
    problems = selectors.problem_catalogue(user=request.user, **filters)
    return render(request, "problemset/catalogue.html", {
        "problems": problems, "filters": filters, "topics": selectors.topics_in_use(),
        "difficulties": Difficulty.choices, "kinds": Kind.choices,
        "statuses": [s.value for s in selectors.SolveStatus],
    })


def problem_detail(request, slug: str):
    problem = selectors.problem_by_slug(slug=slug)
    return render(request, "problemset/detail.html", {
        "problem": problem, "recent": recent_for_problem(viewer=request.user, problem=problem),
        "answer_max_chars": ANSWER_MAX_CHARS,
    })
