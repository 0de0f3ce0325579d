from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from . import charts, scoring, selectors, services


def global_leaderboard(request):
    period = request.GET.get("period", "")
    period = period if period == selectors.Period.LAST_30_DAYS else selectors.Period.ALL
    topic = request.GET.get("topic", "").strip()[:60]
    board = selectors.leaderboard_global(viewer=request.user, period=period, topic=topic,
                                         page=request.GET.get("page"))
    return render(request, "leaderboards/global.html", {
        "board": board, "topics": selectors.leaderboard_topics(), "period": period, "topic": topic,
        "query": urlencode({"period": period, "topic": topic}) + "&", "rules": scoring.rules_quoted()})


def problem_leaderboard(request, slug: str):
    problem = selectors.problem_for_leaderboard(slug=slug)
    board = selectors.leaderboard_for_problem(problem=problem, viewer=request.user,
                                              ranking=request.GET.get("ranking", ""), page=request.GET.get("page"))
    return render(request, "leaderboards/problem.html", {
        "board": board, "problem": problem, "query": urlencode({"ranking": board.ranking}) + "&",
        "Ranking": selectors.Ranking, "rules": scoring.rules_quoted()})


def problem_stats(request, slug: str):
    problem = selectors.problem_for_leaderboard(slug=slug)
    stats = selectors.problem_stats(problem=problem)
    return render(request, "leaderboards/_problem_stats.html", {
        "problem": problem, "stats": stats, "chart": charts.verdicts_chart(stats=stats)})


def profile(request, username: str):
    person = selectors.profile_for_viewer(username=username, viewer=request.user)
    return render(request, "leaderboards/profile.html", {
        "profile": person, "topics_chart": charts.topics_chart(profile=person),
        "activity_chart": charts.activity_chart(profile=person)})


@require_POST
@permission_required("problemset.change_problem", raise_exception=True)
def reveal_private_ranking(request, slug: str):
    problem = selectors.problem_for_leaderboard(slug=slug)
    if services.private_ranking_reveal(problem=problem):
        messages.success(request, "The private ranking is now visible to everyone.")
    return redirect(reverse("leaderboards:problem", args=[problem.slug]) + f"?ranking={selectors.Ranking.PRIVATE}")
