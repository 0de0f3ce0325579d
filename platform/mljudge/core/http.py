"""What a view may declare about how the site answers it (read by core.middleware)."""
from __future__ import annotations

from collections.abc import Callable


def too_big_message(message: Callable[[], str]):
    """A view whose over-size forms get this message in their 413 instead of the generic one: put it
    outermost, above login_required and the method decorators."""

    def decorate(view):
        view.too_big_message = message
        return view

    return decorate
