"""Who is calling, with which scopes: a personal access token (Authorization: Bearer) or the site's own
session (the site's JavaScript; CSRF-checked on writes). Every authenticated request counts against the
"api" rate limit (core.ratelimits)."""
from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from mljudge.core.ratelimits import LIMITS, in_words, refusal_wait
from mljudge.core.refusals import Reason, Refused

from .models import Scope
from .services import token_authenticate


class RateLimited(Refused):
    """A limit of core.ratelimits ("api" unless named) is reached; `seconds` goes into Retry-After."""

    def __init__(self, *, seconds: int, limit: str = "api"):
        self.seconds = seconds
        super().__init__(Reason.RATE_LIMITED, what=LIMITS[limit].what, wait=in_words(timedelta(seconds=seconds)))


def rate_limited(name: str, request: HttpRequest) -> None:
    """Counts the request against LIMITS[name], as the page doing the same thing does (its @limited)."""
    wait = refusal_wait(name, request)
    if wait is not None:
        raise RateLimited(seconds=wait, limit=name)


def over_limit(request: HttpRequest) -> RateLimited | None:
    """Counts the request against the "api" limit (per user, or per address before anyone is known): the
    refusal if it is over."""
    wait = refusal_wait("api", request)
    return None if wait is None else RateLimited(seconds=wait)


def _count(request: HttpRequest) -> None:
    refusal = over_limit(request)
    if refusal is not None:
        raise refusal


class Token(HttpBearer):
    """A personal access token that must carry `scope` (None: any valid token, as for whoami)."""

    def __init__(self, scope: Scope | None):
        self.scope = scope
        super().__init__()

    def authenticate(self, request: HttpRequest, token: str):
        try:
            api_token = token_authenticate(secret=token.strip())   # Refused: 401
        except Refused:
            _count(request)   # a wrong token counts too, against the caller's address
            raise
        request.user = api_token.user
        request.api_token = api_token   # api.middleware logs the use once the response is known
        _count(request)       # before the scope: a refused request costs its sender as much as another
        if self.scope is not None and self.scope not in api_token.scopes:
            raise Refused(Reason.SCOPE_MISSING, scope=self.scope.value)
        return api_token


class Session(SessionAuth):
    """The logged-in site user, with every scope (what they could do on the pages)."""

    def authenticate(self, request: HttpRequest, key):
        user = super().authenticate(request, key)
        if user is not None:
            _count(request)
        return user


def _token_class(scope: Scope | None) -> type[Token]:
    # One class per scope, named for it: the OpenAPI document names an operation's security scheme by its
    # class, so each operation shows the scope it needs (TokenRead, TokenSubmit, …; TokenAny for whoami).
    name = f"Token{(scope.value if scope else 'any').title()}"
    described = f"a personal access token with the `{scope.value}` scope" if scope else "any valid token"
    return type(name, (Token,), {"openapi_description": described})


_TOKEN_CLASSES = {scope: _token_class(scope) for scope in [None, *Scope]}


def scoped(scope: Scope | None) -> list:
    """The `auth=` of an endpoint that needs `scope`."""
    return [_TOKEN_CLASSES[scope](scope), Session()]


def has_scope(request: HttpRequest, scope: Scope) -> bool:
    """For an endpoint whose answer depends on a scope it does not require."""
    token = getattr(request, "api_token", None)
    return token is None or scope in token.scopes
