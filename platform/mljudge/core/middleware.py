from django.core.exceptions import RequestDataTooBig
from django.http import UnreadablePostError

from .rawforms import MULTIPART, URLENCODED, form_utf8_error
from .refusals import Reason, Refused, refusal_response
from .views import request_too_big


class HtmxMiddleware:
    """Sets request.htmx: True when htmx made the request (it then wants a fragment, not a page)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.htmx = request.headers.get("HX-Request") == "true"
        response = self.get_response(request)
        if request.htmx:
            response.headers["Vary"] = ", ".join(filter(None, [response.headers.get("Vary"), "HX-Request"]))
        return response


class RequestTooBigMiddleware:
    """Turns Django's RequestDataTooBig into a 413 that names the limit, and a body that ends short of its
    Content-Length (or stalls) into a 400 that says so.

    Django raises it lazily, wherever a form body over DATA_UPLOAD_MAX_MEMORY_SIZE is first read (usually
    the CSRF check), and answers with a 400: in DEBUG the technical page, which htmx swapped into the result
    panel. So this reads the form first, as the CSRF check is about to (it sits just before it), and catches
    the views that read the body themselves."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or getattr(view_func, "csrf_exempt", False):
            return None  # as the CSRF check: exempt views may set their own upload handlers first
        try:
            if getattr(view_func, "reads_raw_body", False):
                request.body  # noqa: B018  (read whole first: the form is then parsed from this copy)
            elif request.content_type in (URLENCODED, MULTIPART) and not request.path.startswith("/api/"):
                # Every other form: its fields must be UTF-8 (core.rawforms), judged on the bytes sent.
                refusal = form_utf8_error(request)
                if refusal is not None:
                    return refusal_response(request, refusal)
            request.POST  # noqa: B018  (parses the form, or raises)
        except Refused as exc:   # a malformed multipart body
            return refusal_response(request, exc)
        except RequestDataTooBig:
            return request_too_big(request, view=view_func)
        except UnreadablePostError:
            # The body ended before its Content-Length, or stalled past the server's socket timeout
            # (config/gunicorn.py): answered at once, nothing stored (the client may not be there to read it).
            request._mark_post_parse_error()
            return refusal_response(request, Refused(Reason.BODY_INCOMPLETE))
        return None

    def process_exception(self, request, exception):
        if isinstance(exception, RequestDataTooBig):
            match = getattr(request, "resolver_match", None)
            return request_too_big(request, view=match.func if match else None)
        return None
