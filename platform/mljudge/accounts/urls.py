from django.urls import include, path

from . import views

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    # login, logout (POST), password_change, password_reset and its confirm/complete pages
    path("", include("django.contrib.auth.urls")),
]
