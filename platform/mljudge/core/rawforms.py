"""The raw bytes of a form field, for the views that must judge exactly what was sent (the code of Run, Submit
and the editor's drafts), in both encodings a form may use.

Django decodes every form field with errors="replace", so bytes that are not UTF-8 would arrive as U+FFFD and
be graded; and its multipart parser accepts a body that ends without the closing boundary, handing the last
field over with the boundary bytes appended. Here: urlencoded bodies are percent-decoded byte for byte, and
multipart bodies are split strictly (RFC 7578 / RFC 2046): a missing closing delimiter, a part without headers
or without a name is refused (core.refusals FORM_MALFORMED). Linear in the body, which Django already caps at
DATA_UPLOAD_MAX_MEMORY_SIZE (the view is marked with core.http.reads_raw_body, so the body is read whole,
and a larger one is a 413, before anything parses it)."""
from __future__ import annotations

from urllib.parse import parse_qsl

from django.utils.http import parse_header_parameters

from .refusals import Reason, Refused

URLENCODED, MULTIPART = "application/x-www-form-urlencoded", "multipart/form-data"


def raw_field(request, *names: str) -> bytes | None:
    """The first of `names` the form has (a field or a file part), as the bytes sent; None if none is there.
    Raises Refused(FORM_MALFORMED) for a multipart body that does not follow the format."""
    if request.content_type == URLENCODED:
        # latin-1 maps bytes to characters one to one, so percent-decoding keeps the original bytes.
        fields = dict(reversed(parse_qsl(request.body.decode("latin-1"), keep_blank_values=True,
                                         encoding="latin-1")))
        found = {k: v.encode("latin-1") for k, v in fields.items()}
    elif request.content_type == MULTIPART:
        found = multipart_fields(request.body, boundary=request.content_params.get("boundary", ""))
    else:
        return None
    return next((found[name] for name in names if name in found), None)


def form_utf8_error(request) -> Refused | None:
    """Refused(FORM_NOT_UTF8) naming the first field whose bytes are not UTF-8, for any form body; None when
    every field is text. One rule for every form of the site (core.middleware runs it before any view reads a
    field), since Django would hand such bytes over as U+FFFD and store them (a design answer, a comment).
    The code views judge their own bytes (raw_field, SOURCE_NOT_UTF8) and are not asked."""
    if request.content_type == URLENCODED:
        fields = parse_qsl(request.body.decode("latin-1"), keep_blank_values=True, encoding="latin-1")
        pairs = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in fields]
    elif request.content_type == MULTIPART:
        pairs = [(k.encode("utf-8"), v) for k, v in
                 multipart_fields(request.body, boundary=request.content_params.get("boundary", "")).items()]
    else:
        return None
    for name, value in pairs:
        for text in (name, value):
            try:
                text.decode("utf-8")
            except UnicodeDecodeError as exc:
                return Refused(Reason.FORM_NOT_UTF8, field=name.decode("utf-8", "replace")[:40],
                               position=exc.start)
    return None


def _malformed(detail: str) -> Refused:
    return Refused(Reason.FORM_MALFORMED, detail=detail)


def multipart_fields(body: bytes, *, boundary: str) -> dict[str, bytes]:
    """{name: raw value} of a multipart/form-data body (the first part of each name wins)."""
    if not 1 <= len(boundary) <= 70 or not boundary.isascii():
        raise _malformed("its multipart boundary is missing or invalid")
    delimiter = b"--" + boundary.encode("ascii")
    if not body.startswith(delimiter):
        # RFC 2046 allows a preamble before the first delimiter; no browser or HTTP library sends one.
        start = body.find(b"\r\n" + delimiter)
        if start < 0:
            raise _malformed("it does not start with its multipart boundary")
        body = body[start + 2:]
    if body.startswith(delimiter + b"--"):
        return {}   # a form with no fields at all: the closing delimiter alone
    end = body.find(b"\r\n" + delimiter + b"--")
    if end < 0:
        raise _malformed("it ends without its closing multipart boundary (was the upload cut short?)")
    fields: dict[str, bytes] = {}
    for part in body[len(delimiter):end].split(b"\r\n" + delimiter):
        if not part.startswith(b"\r\n"):
            raise _malformed("a multipart boundary is not followed by a line break")
        head, separator, value = part[2:].partition(b"\r\n\r\n")
        if not separator:
            raise _malformed("a part has no blank line after its headers")
        name = _part_name(head)
        fields.setdefault(name, value)
    return fields


def _part_name(head: bytes) -> str:
    for line in head.split(b"\r\n"):
        key, colon, value = line.partition(b":")
        if colon and key.strip().lower() == b"content-disposition":
            kind, params = parse_header_parameters(value.decode("utf-8", "replace").strip())
            if kind.lower() == "form-data" and params.get("name"):
                return params["name"]
    raise _malformed("a part has no Content-Disposition: form-data name")
