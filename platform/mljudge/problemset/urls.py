from django.urls import path

from . import views

app_name = "problemset"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("<slug:slug>/", views.problem_detail, name="detail"),
]
