"""Reads of API tokens and their webhooks, for their owner's page and the API."""
from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.http import Http404

from .models import ApiToken, ApiTokenUse, Webhook, WebhookDelivery


def tokens_of(*, user: AbstractBaseUser) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)


def token_uses_of(*, user: AbstractBaseUser, limit: int = 50) -> list[ApiTokenUse]:
    return list(ApiTokenUse.objects.filter(token__user=user).select_related("token")[:limit])


def webhooks_of_token(*, token: ApiToken) -> QuerySet[Webhook]:
    """The token's webhooks that are not deleted (a webhook belongs to one token)."""
    return Webhook.objects.filter(token=token, disabled_at__isnull=True)


def webhook_of_token(*, token: ApiToken, webhook_id: int) -> Webhook:
    """One of the token's webhooks; 404 for any other id (another token's, even the same user's)."""
    webhook = webhooks_of_token(token=token).filter(id=webhook_id).first()
    if webhook is None:
        raise Http404("No such webhook")
    return webhook


def deliveries_of(*, webhook: Webhook) -> QuerySet[WebhookDelivery]:
    """Newest first."""
    return WebhookDelivery.objects.filter(webhook=webhook).order_by("-created_at", "-id")


def webhooks_of(*, user: AbstractBaseUser) -> list[Webhook]:
    """The user's webhooks that are not deleted, with their token, for the tokens page."""
    return list(Webhook.objects.filter(token__user=user, disabled_at__isnull=True).select_related("token"))


def webhook_deliveries_of(*, user: AbstractBaseUser, limit: int = 20) -> list[WebhookDelivery]:
    """The user's most recent deliveries (all their webhooks), for the tokens page."""
    return list(WebhookDelivery.objects.filter(webhook__token__user=user).select_related("webhook")
                .order_by("-created_at", "-id")[:limit])
