from django.contrib.auth import views as auth_views
from django.urls import include, path

from mljudge.core.ratelimits import limited

from . import views

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("signup/sent/", views.signup_sent, name="signup_sent"),
    path("activate/<str:uidb64>/<str:token>/", views.activate, name="activate"),
    path("profile/", views.profile, name="profile"),
    # Django's own views with our rate limits (same paths and names as django.contrib.auth.urls, which
    # follows for the rest: logout (POST), password_change/done, the reset confirm and complete pages).
    path("login/", limited("login")(auth_views.LoginView.as_view()), name="login"),
    path("password_change/", limited("password-change")(auth_views.PasswordChangeView.as_view()),
         name="password_change"),
    path("password_reset/", limited("password-reset")(auth_views.PasswordResetView.as_view()),
         name="password_reset"),
    path("", include("django.contrib.auth.urls")),
]
