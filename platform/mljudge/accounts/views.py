from django.contrib.auth import login
from django.shortcuts import redirect, render

from .forms import SignupForm
from .services import user_signup


def signup(request):
    if request.user.is_authenticated:
        return redirect("problemset:catalogue")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = user_signup(username=form.cleaned_data["username"], email=form.cleaned_data["email"],
                           password=form.cleaned_data["password1"],
                           display_name=form.cleaned_data["display_name"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("problemset:catalogue")
    return render(request, "accounts/signup.html", {"form": form})
