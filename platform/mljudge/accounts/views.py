from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from mljudge.core.ratelimits import limited

from . import services
from .forms import AccountDeleteForm, DisplayNameForm, SignupForm


def _next(request) -> str:
    """Where to go after signing up and activating (a cohort invite link, say): a path on this site, or ""."""
    target = (request.POST.get("next") or request.GET.get("next") or "").strip()
    safe = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure())
    return target if safe and target.startswith("/") and len(target) <= 500 else ""


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
                                site_url=request.build_absolute_uri("/").rstrip("/"), next_url=_next(request))
        return redirect("signup_sent")
    return render(request, "accounts/signup.html", {"form": form, "next": _next(request)})


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
            return redirect(_next(request) or "problemset:catalogue")
        valid = False
    else:
        valid = services.account_for_activation(uidb64=uidb64, token=token) is not None
    return render(request, "accounts/activate.html", {"valid": valid, "next": _next(request)})


@require_http_methods(["GET", "POST"])
@login_required
def profile(request):
    """The account page: the display name, a link to the password change, and deleting the account."""
    user = request.user
    saved = getattr(getattr(user, "profile", None), "display_name", "")
    name_form = DisplayNameForm(initial={"display_name": saved}, user=user)
    delete_form = AccountDeleteForm(user=user)
    if request.method == "POST" and request.POST.get("action") == "display_name":
        name_form = DisplayNameForm(request.POST, user=user)
        if name_form.is_valid():
            services.display_name_set(user=user, display_name=name_form.cleaned_data["display_name"])
            messages.success(request, "Your display name was saved.")
            return redirect("profile")
    elif request.method == "POST" and request.POST.get("action") == "delete":
        delete_form = AccountDeleteForm(request.POST, user=user)
        if delete_form.is_valid():
            try:
                services.account_delete(user=user)
            except services.AccountInUse:
                delete_form.add_error(None, "Your account is named in records about other people (grades, score "
                                            "overrides or cohorts you created), so it cannot be deleted here: ask "
                                            "an administrator to deactivate it.")
            else:
                logout(request)
                messages.success(request, "Your account and everything in it were deleted.")
                return redirect("problemset:catalogue")
    return render(request, "accounts/profile.html", {"name_form": name_form, "delete_form": delete_form})
