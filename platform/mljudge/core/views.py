"""The site's own answers to requests it refuses: friendly pages, or for htmx a fragment that the page shows
in place (main.js swaps 400, 403, 413 and 429 responses into their target). Statuses and messages: core.refusals."""
from __future__ import annotations

from django.conf import settings

from .refusals import Reason, Refused, refusal_response


def request_too_big(request, *, view=None):
    """413 for a form over DATA_UPLOAD_MAX_MEMORY_SIZE; the view may name its own refusal (core.http)."""
    # Later readers of request.POST (other middleware) get an empty form rather than the same exception,
    # as in Django's own handling of RequestDataTooBig.
    request._mark_post_parse_error()
    custom = getattr(view, "too_big_message", None)
    refusal = custom() if custom else Refused(Reason.FORM_TOO_LARGE, limit=settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    return refusal_response(request, refusal)


def bad_request(request, exception=None):
    """handler400 (a malformed request, e.g. too many form fields)."""
    return refusal_response(request, Refused(Reason.BAD_REQUEST))


def permission_denied(request, exception=None):
    """handler403. The exception's text is for logs, not for the page."""
    return refusal_response(request, Refused(Reason.NOT_ALLOWED))


def csrf_failure(request, reason: str = ""):
    """CSRF_FAILURE_VIEW: usually a page left open across a log-in, a log-out or an expired session."""
    return refusal_response(request, Refused(Reason.FORM_EXPIRED))
