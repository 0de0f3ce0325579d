"""What a view may declare about how the site answers it (read by core.middleware)."""
from __future__ import annotations

from collections.abc import Callable

from .refusals import Refused


def too_big_message(message: Callable[[], Refused]):
    """A view whose over-size forms get this refusal (a 413 reason of core.refusals) instead of the generic
    one: put it outermost, above login_required and the method decorators."""

    def decorate(view):
        view.too_big_message = message
        return view

    return decorate


def reads_raw_body(view):
    """A view that judges the bytes of its form (core.rawforms): the middleware reads the body whole first, so
    that Django's form parsing works from that copy and the raw bytes stay readable for the view."""
    view.reads_raw_body = True
    return view
