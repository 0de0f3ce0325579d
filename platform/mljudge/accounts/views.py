from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from mljudge.core.ratelimits import limited

from . import services
from .forms import SignupForm


@require_http_methods(["GET", "POST"])
@limited("signup")
def signup(request):
    if request.user.is_authenticated:
        return redirect("problemset:catalogue")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.signup_request(username=form.cleaned_data["username"], email=form.cleaned_data["email"],
                                password=form.cleaned_data["password1"],
                                display_name=form.cleaned_data["display_name"],
                                site_url=request.build_absolute_uri("/").rstrip("/"))
        return redirect("signup_sent")
    return render(request, "accounts/signup.html", {"form": form})


def signup_sent(request):
    return render(request, "accounts/signup_sent.html")


@require_http_methods(["GET", "POST"])
def activate(request, uidb64: str, token: str):
    """GET shows a button, POST activates: mail scanners that open links must not use up the link."""
    if request.method == "POST":
        user = services.account_activate(uidb64=uidb64, token=token)
        if user is not None:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, "Your account is active. Welcome!")
            return redirect("problemset:catalogue")
        valid = False
    else:
        valid = services.account_for_activation(uidb64=uidb64, token=token) is not None
    return render(request, "accounts/activate.html", {"valid": valid})
