from django.urls import path

from . import views

app_name = "leaderboards"
urlpatterns = [
    path("leaderboard/", views.global_leaderboard, name="global"),
    path("leaderboard/problems/<slug:slug>/", views.problem_leaderboard, name="problem"),
    path("leaderboard/problems/<slug:slug>/stats/", views.problem_stats, name="problem_stats"),
    path("leaderboard/problems/<slug:slug>/reveal/", views.reveal_private_ranking, name="reveal"),
    path("users/<str:username>/", views.profile, name="profile"),
]
