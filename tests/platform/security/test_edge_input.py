"""Strict input at the edge, over real sockets to gunicorn (config/gunicorn.py): the submit path reads the raw
bytes of both form encodings, refuses non-UTF-8 and malformed multipart bodies with their reason, reports
over-size requests with the real limit, and a body shorter than its Content-Length fails fast with a clear
400 instead of holding a thread until the worker is killed."""
from __future__ import annotations

import json
import time

import pytest
from django.test import Client
from django.utils.html import escape

from mljudge.core.refusals import Reason, Refused
from mljudge.grading.api import MAX_SOURCE_BYTES, SourceRejected, source_check, source_too_big
from mljudge.submissions.models import Submission

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.services]
CSRF = "A" * 32   # any 32 letters: the cookie and the header only have to agree
BOUNDARY = "----mljudgeEdge7MA4YWxkTrZu0gW"


@pytest.fixture
def site(gunicorn, make_user, make_problem, queue):
    user = make_user("edge")
    make_problem("toy")
    client = Client()
    client.force_login(user)
    server = gunicorn(MLJUDGE_BODY_TIMEOUT_S="2")
    server.cookie = f"sessionid={client.cookies['sessionid'].value}; csrftoken={CSRF}"
    return server


def post(server, path: str, content_type: str, body: bytes, *, length: int | None = None, send: bytes | None = None,
         extra: str = "") -> tuple[int, dict, bytes]:
    head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {server.cookie}\r\nX-CSRFToken: {CSRF}\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: {len(body) if length is None else length}\r\n"
            f"{extra}Connection: close\r\n\r\n").encode()
    return server.request(head, body if send is None else send)


def multipart(*parts: tuple[str, bytes], filename: str | None = None, close: bool = True) -> bytes:
    out = b""
    for name, value in parts:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        out += f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n\r\n".encode() + value + b"\r\n"
    return out + (f"--{BOUNDARY}--\r\n".encode() if close else b"")


HTMX = "HX-Request: true\r\n"   # refusals come back in place (400), not flashed behind a redirect
MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"
SUBMIT = "/submissions/submit/toy/"


def test_it_refuses_a_non_utf8_multipart_field_instead_of_grading_replacement_characters(site):
    raw = b"def f(x):\n    return '\xe9'\n"   # latin-1, as an editor set to it would save it
    status, _, body = post(site, SUBMIT, MULTIPART, multipart(("source", raw)), extra=HTMX)
    with pytest.raises(SourceRejected) as refused:
        source_check(raw)
    assert refused.value.reason == Reason.SOURCE_NOT_UTF8
    assert status == 400 and escape(str(refused.value)) in body.decode()
    assert not Submission.objects.exists()


def test_it_refuses_a_multipart_body_without_its_closing_boundary(site):
    status, _, body = post(site, SUBMIT, MULTIPART, multipart(("source", b"def f(x):\n    return x\n"), close=False),
                           extra=HTMX)
    message = str(Refused(Reason.FORM_MALFORMED, detail="it ends without its closing multipart boundary (was the "
                                                        "upload cut short?)"))
    assert status == 400 and escape(message) in body.decode()
    assert not Submission.objects.exists()


def test_it_stores_a_well_formed_multipart_submission_exactly_as_sent(site):
    source = "def f(x):\n    return x  # é\n"
    status, headers, _ = post(site, SUBMIT, MULTIPART, multipart(("source", source.encode())))
    assert status == 302, headers
    assert Submission.objects.get().source == source   # no boundary appended, no replacement characters


def test_it_reports_a_100_mb_upload_as_over_the_code_limit_not_as_65537_bytes(site):
    start = multipart(("source_file", b"# " + b"x" * 1_000_000), filename="big.py", close=False)
    status, _, body = post(site, SUBMIT, MULTIPART, b"", length=100 * 2**20, send=start)
    text = body.decode()
    assert status == 413 and escape(str(source_too_big())) in text and f"{MAX_SOURCE_BYTES:,} bytes" in text
    assert "65,537" not in text
    assert not Submission.objects.exists()


def test_it_answers_a_100_mb_urlencoded_body_with_the_sites_413_page(site):
    status, headers, body = post(site, SUBMIT, "application/x-www-form-urlencoded", b"", length=100 * 2**20,
                                 send=b"source=" + b"x" * 1_000_000)
    assert status == 413 and 'data-testid="error-page"' in body.decode()
    assert escape(str(source_too_big())) in body.decode()


def api_token() -> str:
    from django.contrib.auth import get_user_model

    from mljudge.api.services import token_create

    user = get_user_model().objects.get(username="edge")
    return token_create(user=user, name="edge", scopes=["read", "submit"], expires_in_days=None).secret


def test_it_answers_a_100_mb_api_body_with_the_json_413(site):
    secret = api_token()
    head = (f"POST /api/v1/problems/toy/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {secret}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {100 * 2**20}\r\nConnection: close\r\n\r\n").encode()
    status, _, body = site.request(head, b'{"source": "' + b"x" * 1_000_000)
    assert status == 413 and json.loads(body)["error"]["reason"] == Reason.SOURCE_TOO_LARGE


def test_it_refuses_non_utf8_json_through_the_api(site):
    secret = api_token()
    raw = b'{"source": "def f(x):\\n    return \'\xe9\'\\n"}'
    head = (f"POST /api/v1/problems/toy/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {secret}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(raw)}\r\nConnection: close\r\n\r\n").encode()
    status, _, body = site.request(head, raw)
    assert status == 400 and json.loads(body)["error"]["reason"] == Reason.BODY_NOT_UTF8
    assert not Submission.objects.exists()


def test_a_body_shorter_than_its_content_length_fails_fast_with_a_clear_400(site):
    started = time.monotonic()
    status, _, body = post(site, SUBMIT, "application/x-www-form-urlencoded", b"", length=1000, send=b"source=x")
    took = time.monotonic() - started
    assert status == 400 and escape(str(Refused(Reason.BODY_INCOMPLETE))) in body.decode()
    assert took < 8, f"took {took:.1f} s (the socket timeout is 2 s; gunicorn's worker timeout is 30 s)"
    assert not Submission.objects.exists()
    # The server still answers (no thread or worker lost).
    assert site.request(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")[0] == 200
