from django.urls import path

from . import views

app_name = "authoring"
urlpatterns = [
    path("sync/", views.sync, name="sync"),
    path("drafts/<slug:slug>/", views.draft, name="draft"),
]
