from django.urls import path

from . import views

app_name = "review"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("submissions/<int:submission_id>/", views.submission, name="submission"),
    path("submissions/<int:submission_id>/comment/", views.comment, name="comment"),
    path("submissions/<int:submission_id>/override/", views.override, name="override"),
    path("submissions/<int:submission_id>/rubric/", views.rubric, name="rubric"),
    path("cohorts/<int:cohort_id>/plagiarism/", views.plagiarism, name="plagiarism"),
    path("cohorts/<int:cohort_id>/plagiarism/<int:a>/<int:b>/", views.plagiarism_pair, name="pair"),
]
