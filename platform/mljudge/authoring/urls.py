from django.urls import path

from . import views

app_name = "authoring"
urlpatterns = [
    path("sync/", views.sync, name="sync"),
    path("sync/<int:run_id>/", views.sync_run, name="sync_run"),
    path("sync/<int:run_id>/status/", views.sync_run_status, name="sync_run_status"),
    path("drafts/<slug:slug>/", views.draft, name="draft"),
]
