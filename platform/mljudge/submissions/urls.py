from django.urls import path

from . import views

app_name = "submissions"
urlpatterns = [
    path("", views.history, name="history"),
    path("<int:submission_id>/", views.detail, name="detail"),
    path("<int:submission_id>/status/", views.status, name="status"),
    path("<int:submission_id>/cancel/", views.cancel, name="cancel"),
    path("recent/<slug:slug>/", views.recent, name="recent"),
    path("run/<slug:slug>/", views.run, name="run"),
    path("submit/<slug:slug>/", views.submit, name="submit"),
    path("answer/<slug:slug>/", views.answer, name="answer"),
    path("preview/", views.preview, name="preview"),
    path("draft/<slug:slug>/", views.draft, name="draft"),
]
