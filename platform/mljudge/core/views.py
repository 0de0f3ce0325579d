"""The site's own answers to requests it refuses: friendly pages, or for htmx a fragment that the page shows
in place (main.js swaps 400, 403 and 413 responses into their target)."""
from __future__ import annotations

from http import HTTPStatus

from django.conf import settings
from django.shortcuts import render

REFUSED_FRAGMENT = "core/_refused.html"


def _refusal(request, *, page: str, status: HTTPStatus, message: str, title: str):
    template = REFUSED_FRAGMENT if getattr(request, "htmx", False) else page
    return render(request, template, {"text": message, "title": title}, status=status)


def request_too_big(request, *, view=None):
    """413 for a form over DATA_UPLOAD_MAX_MEMORY_SIZE; the view may name its own limit (core.http)."""
    # Later readers of request.POST (other middleware) get an empty form rather than the same exception,
    # as in Django's own handling of RequestDataTooBig.
    request._mark_post_parse_error()
    custom = getattr(view, "too_big_message", None)
    message = custom() if custom else (
        f"This was not sent: it is larger than the {settings.DATA_UPLOAD_MAX_MEMORY_SIZE:,} bytes a form may "
        "hold on this site.")
    return _refusal(request, page="413.html", status=HTTPStatus.REQUEST_ENTITY_TOO_LARGE, message=message,
                    title="Too large")


def bad_request(request, exception=None):
    """handler400 (a malformed request, e.g. too many form fields)."""
    return _refusal(request, page="400.html", status=HTTPStatus.BAD_REQUEST, title="Bad request",
                    message="The site could not understand what your browser sent. Reload the page and try again.")


def permission_denied(request, exception=None):
    """handler403. The exception's text is for logs, not for the page."""
    return _refusal(request, page="403.html", status=HTTPStatus.FORBIDDEN, title="Not allowed",
                    message="You do not have access to this page. If you think you should, ask your instructor "
                            "or an administrator.")


def csrf_failure(request, reason: str = ""):
    """CSRF_FAILURE_VIEW: usually a page left open across a log-in, a log-out or an expired session."""
    return _refusal(request, page="403.html", status=HTTPStatus.FORBIDDEN, title="Form expired",
                    message="This form could not be sent because it has expired (for example, you logged in "
                            "or out in another tab). Reload the page and try again.")
