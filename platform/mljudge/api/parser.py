"""The API's JSON body parser: ninja's, plus two rules for every body. It must be UTF-8 (json.loads would also
take UTF-16 and UTF-32, and an invalid byte would be a vague 422). JSON text may hold a lone surrogate
("\\ud800"), which no form and no database text can: it is refused here, once, for every endpoint (a service
would otherwise meet it when rendering, encoding or storing, as a 500)."""
from __future__ import annotations

from ninja.parser import Parser

from mljudge.core.refusals import Reason, Refused


class StrictJsonParser(Parser):
    def parse_body(self, request):
        try:
            request.body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise Refused(Reason.BODY_NOT_UTF8, position=exc.start) from None
        data = super().parse_body(request)
        _refuse_surrogates(data)
        return data


def _refuse_surrogates(data) -> None:
    # Iterative: the body's depth is whatever json.loads accepted.
    stack = [("body", data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            if not value.isascii():
                try:
                    value.encode("utf-8")
                except UnicodeEncodeError:
                    raise Refused(Reason.TEXT_NOT_UNICODE, field=where[:100]) from None
        elif isinstance(value, dict):
            for key, item in value.items():
                stack.append((f"{where}.{key}"[:100] if where != "body" else str(key)[:100], key))
                stack.append((f"{where}.{key}"[:100] if where != "body" else str(key)[:100], item))
        elif isinstance(value, list):
            stack.extend((f"{where}[{i}]", item) for i, item in enumerate(value))
