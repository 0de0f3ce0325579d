"""Every API error is one JSON shape, {"error": {"reason", "message", "status"}} (and "detail" for a request
that does not fit its schema): the reason is a core.refusals.Reason value (stable; scripts branch on it), the
status and message come from core.refusals.REFUSALS, as on the pages."""
from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from mljudge.core.refusals import Reason, Refused

from . import auth
from mljudge.grading.api import source_too_big

logger = logging.getLogger("mljudge.api")


def error_body(refusal: Refused, **extra) -> dict:
    return {"error": {"reason": refusal.reason.value, "message": str(refusal), "status": int(refusal.status),
                      **extra}}


def install(api: NinjaAPI) -> None:
    def respond(request: HttpRequest, refusal: Refused, **extra):
        response = api.create_response(request, error_body(refusal, **extra), status=int(refusal.status))
        seconds = getattr(refusal, "seconds", None)
        if seconds is not None:
            response["Retry-After"] = str(seconds)
        return response

    @api.exception_handler(Refused)
    def refused(request, exc: Refused):
        return respond(request, exc)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        # Counted per address like every other request, so that anonymous hammering is limited too.
        return respond(request, auth.over_limit(request) or Refused(Reason.UNAUTHENTICATED))

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return respond(request, Refused(Reason.NOT_FOUND, what=_what(exc)))

    @api.exception_handler(PermissionDenied)
    def not_allowed(request, exc):
        return respond(request, Refused(Reason.NOT_ALLOWED))

    @api.exception_handler(RequestDataTooBig)
    def too_big(request, exc):
        return respond(request, source_too_big())

    @api.exception_handler(ValidationError)
    def invalid(request, exc: ValidationError):
        detail = [{"loc": [str(part) for part in e.get("loc", ())], "msg": str(e.get("msg", ""))[:300]}
                  for e in exc.errors[:20]]
        first = detail[0] if detail else {"loc": [], "msg": "invalid"}
        summary = f"{'.'.join(first['loc'][1:] or first['loc'])}: {first['msg']}"
        return respond(request, Refused(Reason.INVALID_REQUEST, detail=summary), detail=detail)

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        # ninja's own (e.g. the session's failed CSRF check, a malformed JSON body). ninja wraps whatever the
        # body parser raised: our parser's refusal (api.parser) or a body too large to read keep their answer.
        cause = exc.__cause__
        if isinstance(cause, Refused):
            return respond(request, cause)
        if isinstance(cause, RequestDataTooBig):
            return respond(request, source_too_big())
        if exc.status_code == 403:
            return respond(request, Refused(Reason.FORM_EXPIRED))
        return respond(request, Refused(Reason.INVALID_REQUEST, detail=str(exc)[:300]))

    @api.exception_handler(Exception)
    def server_error(request, exc: Exception):
        # Anything unforeseen is still the API's error shape (and logged with its traceback, as Django would).
        logger.error("API error on %s %s", request.method, request.path, exc_info=exc)
        return respond(request, Refused(Reason.SERVER_ERROR))


def _what(exc: Http404) -> str:
    text = str(exc).strip()
    if text.lower().startswith("no such "):
        return text[len("no such "):].rstrip(".") or "object"
    return "object"
