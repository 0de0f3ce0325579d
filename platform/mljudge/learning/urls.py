from django.urls import path

from . import views

app_name = "learning"
urlpatterns = [
    path("problems/<slug:slug>/hints/next/", views.hint_next, name="hint_next"),
    path("problems/<slug:slug>/give-up/", views.give_up, name="give_up"),
    path("plans/", views.plans, name="plans"),
    path("plans/<slug:slug>/", views.plan, name="plan"),
]
