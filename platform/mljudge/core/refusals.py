"""Why a request was refused, and the one table that turns the reason into an HTTP status.

Services raise `Refused` (or their subclass of it) with a message fit to show a person and a `Reason`; views
and (later) the API answer with `exc.status` and never look inside the message. Rate limits answer through
core.ratelimits, login lockouts through django-axes; both use this table's status for "too many"."""
from __future__ import annotations

import enum
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class Reason(enum.StrEnum):
    INVALID = "invalid"          # malformed or empty, or the wrong kind for this resource (code to a design problem)
    TOO_LARGE = "too_large"      # over a size cap (code bytes, answer or comment characters)
    TOO_MANY = "too_many"        # a quota: submissions in flight, the daily limit
    NOT_ALLOWED = "not_allowed"  # not this user's to do
    CONFLICT = "conflict"        # not in a state that allows it now (an answer not yet graded, the last instructor)


STATUS: dict[Reason, HTTPStatus] = {
    Reason.INVALID: HTTPStatus.BAD_REQUEST,
    Reason.TOO_LARGE: HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
    Reason.TOO_MANY: HTTPStatus.TOO_MANY_REQUESTS,
    Reason.NOT_ALLOWED: HTTPStatus.FORBIDDEN,
    Reason.CONFLICT: HTTPStatus.CONFLICT,
}


class Refused(ValueError):
    """The request cannot be done. str(exc) is fit to show; `reason` says why, for machines."""

    def __init__(self, message: str, reason: Reason = Reason.INVALID):
        super().__init__(message)
        self.reason = Reason(reason)

    @property
    def status(self) -> HTTPStatus:
        return STATUS[self.reason]


FRAGMENT = "core/_refused.html"   # what htmx swaps into the panel that made the request (main.js)


def refused_fragment(request: HttpRequest, text: str, status: int) -> HttpResponse:
    return render(request, FRAGMENT, {"text": text}, status=status)
