"""Personal access tokens: create (the secret is returned once), revoke, authenticate, and the usage log."""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from mljudge.core.refusals import Reason, Refused
from mljudge.core.text import lookup_text

from .models import ApiToken, ApiTokenUse, Scope, active_tokens_q

TOKEN_PREFIX = "mlj_"
NAME_MAX = 100
EXPIRY_DAYS = (7, 30, 90, 365)    # the choices offered; None (never) too
USE_LOG_DAYS = 90                 # usage rows older than this are dropped
TOUCH_EVERY = timedelta(seconds=60)   # last_used_at is written at most this often per token


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str     # shown once; never stored


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def token_create(*, user: AbstractBaseUser, name: str, scopes: list[str], expires_in_days: int | None,
                 now=None) -> NewToken:
    name = (name or "").strip()
    if not name:
        raise Refused(Reason.TOKEN_NAME_EMPTY)
    if len(name) > NAME_MAX or "\x00" in name:
        raise Refused(Reason.TOKEN_NAME_TOO_LONG, limit=NAME_MAX)
    chosen = []
    for scope in scopes:
        if scope not in Scope.values:
            raise Refused(Reason.TOKEN_SCOPE_UNKNOWN, scope=str(scope)[:40], known=", ".join(Scope.values))
        if scope not in chosen:
            chosen.append(scope)
    if not chosen:
        raise Refused(Reason.TOKEN_SCOPES_EMPTY)
    if expires_in_days is not None and expires_in_days not in EXPIRY_DAYS:
        raise Refused(Reason.TOKEN_EXPIRY_INVALID)
    now = now or timezone.now()
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        # Counted under the user's row lock, so two tabs cannot both pass the cap.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        active = tokens_active_count(user=user, now=now)
        if active >= settings.MLJUDGE_MAX_API_TOKENS:
            raise Refused(Reason.TOKEN_LIMIT, count=active)
        token = ApiToken.objects.create(
            user=user, name=name, prefix=secret[:len(TOKEN_PREFIX) + 8], digest=_digest(secret),
            scopes=[s for s in Scope.values if s in chosen], created_at=now,
            expires_at=None if expires_in_days is None else now + timedelta(days=expires_in_days))
    return NewToken(token=token, secret=secret)


def tokens_active_count(*, user: AbstractBaseUser, now=None) -> int:
    return ApiToken.objects.filter(active_tokens_q(now=now or timezone.now()), user=user).count()


def token_revoke(*, user: AbstractBaseUser, token_id: int) -> bool:
    """Revokes one of the user's own tokens (at once: the next request with it is refused). False if there
    is no such active token of theirs."""
    return bool(ApiToken.objects.filter(id=token_id, user=user, revoked_at__isnull=True)
                .update(revoked_at=timezone.now()))


def token_authenticate(*, secret: str, now=None) -> ApiToken:
    """The active token for a presented secret, with its user; Refused (401) if unknown, revoked or expired,
    or its user is inactive."""
    now = now or timezone.now()
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        raise Refused(Reason.TOKEN_INVALID)
    token = ApiToken.objects.select_related("user").filter(digest=_digest(secret)).first()
    if token is None or token.revoked_at is not None or not token.user.is_active:
        raise Refused(Reason.TOKEN_INVALID)
    if token.expires_at is not None and token.expires_at <= now:
        raise Refused(Reason.TOKEN_EXPIRED, expired=token.expires_at.strftime("%Y-%m-%d %H:%M UTC"))
    return token


def token_use_record(*, token: ApiToken, method: str, path: str, status: int, ip: str, now=None) -> None:
    """One row of the token's usage log; last_used_at moves at most every TOUCH_EVERY (a conditional UPDATE,
    so concurrent requests write it once)."""
    now = now or timezone.now()
    ApiTokenUse.objects.create(token=token, at=now, method=method[:8], path=lookup_text(path)[:200], status=status,
                               ip=ip[:45])
    ApiToken.objects.filter(id=token.id).filter(
        Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - TOUCH_EVERY)).update(last_used_at=now)


def token_uses_prune(*, now=None) -> int:
    now = now or timezone.now()
    deleted, _ = ApiTokenUse.objects.filter(at__lt=now - timedelta(days=USE_LOG_DAYS)).delete()
    return deleted
