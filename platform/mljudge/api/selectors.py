"""Reads of API tokens for their owner's page."""
from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from .models import ApiToken, ApiTokenUse


def tokens_of(*, user: AbstractBaseUser) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)


def token_uses_of(*, user: AbstractBaseUser, limit: int = 50) -> list[ApiTokenUse]:
    return list(ApiTokenUse.objects.filter(token__user=user).select_related("token")[:limit])
