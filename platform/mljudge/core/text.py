"""User text used as a database lookup value."""
from __future__ import annotations


def lookup_text(value: str) -> str:
    """`value` as PostgreSQL can take it in a query. Its text holds no NUL, so a NUL can match nothing stored;
    it becomes U+FFFD (what Django makes of undecodable bytes), which matches nothing either, instead of a 500."""
    return value.replace("\x00", "\ufffd")
