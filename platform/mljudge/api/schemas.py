"""Response and request shapes shared by several routes."""
from __future__ import annotations

from datetime import datetime

from ninja import Schema


class ErrorBody(Schema):
    reason: str
    message: str
    status: int


class Error(Schema):
    error: ErrorBody


class TokenInfo(Schema):
    name: str
    prefix: str
    scopes: list[str]
    expires_at: datetime | None


class WhoAmI(Schema):
    username: str
    display_name: str
    roles: list[str]
    is_reviewer: bool
    token: TokenInfo | None   # None when called from a logged-in session
