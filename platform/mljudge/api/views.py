"""The API tokens page: create (the secret is shown on this one response, never again), revoke, usage log."""
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from mljudge.core.refusals import Refused, refusal_response

from . import selectors, services
from .models import Scope


def _expiry(raw: str) -> int | None:
    if raw in ("", "never"):
        return None
    try:
        return int(raw)
    except ValueError:
        return -1   # refused by the service as not offered


@require_http_methods(["GET", "POST"])
@login_required
def tokens(request):
    created = None
    if request.method == "POST":
        try:
            created = services.token_create(user=request.user, name=request.POST.get("name", ""),
                                            scopes=request.POST.getlist("scopes"),
                                            expires_in_days=_expiry(request.POST.get("expires_in_days", "")))
        except Refused as exc:
            return refusal_response(request, exc, back=request.path)
    response = render(request, "api/tokens.html", {
        "tokens": selectors.tokens_of(user=request.user), "uses": selectors.token_uses_of(user=request.user),
        "scopes": Scope.choices, "expiry_days": services.EXPIRY_DAYS, "created": created,
        "max_tokens": settings.MLJUDGE_MAX_API_TOKENS,
        "webhooks": selectors.webhooks_of(user=request.user),
        "deliveries": selectors.webhook_deliveries_of(user=request.user),
    })
    response["Cache-Control"] = "no-store"   # the page that shows a secret is never cached
    return response


@require_POST
@login_required
def revoke(request, token_id: int):
    if services.token_revoke(user=request.user, token_id=token_id):
        messages.success(request, "Token revoked: requests with it are refused from now on.")
    return redirect("api:tokens")
