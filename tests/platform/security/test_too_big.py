"""A paste too large for the site to read is refused with a clear 413 that names the code limit, shown in the
result panel (htmx gets a fragment, not Django's RequestDataTooBig page), and nothing is stored."""
from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.urls import reverse

from mljudge.grading.api import MAX_SOURCE_BYTES, source_too_big
from mljudge.submissions.models import Submission

pytestmark = [pytest.mark.django_db, pytest.mark.services]
HTMX = {"HTTP_HX_REQUEST": "true"}
LIMIT_TEXT = f"{MAX_SOURCE_BYTES:,} bytes"
FORM = "application/x-www-form-urlencoded"  # what htmx sends


@pytest.fixture(autouse=True)
def no_queue(grade_delay):
    return grade_delay



def huge_non_ascii_source() -> str:
    # Each "é" is 2 UTF-8 bytes (6 once percent-encoded): over DATA_UPLOAD_MAX_MEMORY_SIZE in either encoding.
    return "# " + "é" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 2 + 1) + "\ndef f(x):\n    return x\n"


def urlencoded(**fields) -> dict:
    return {"data": urlencode(fields), "content_type": FORM}


def test_it_refuses_an_over_size_paste_to_run_with_a_413_fragment_naming_the_limit(client, solver, make_problem):
    problem = make_problem()
    response = client.post(reverse("submissions:run", args=[problem.slug]),
                           **urlencoded(source=huge_non_ascii_source()), **HTMX)
    body = response.content.decode()
    assert response.status_code == 413
    assert str(source_too_big()) in body and LIMIT_TEXT in body and 'data-testid="refused"' in body
    assert "<html" not in body and "RequestDataTooBig" not in body  # a fragment for the result panel
    assert not Submission.objects.exists()


def test_it_refuses_an_over_size_submit_without_htmx_with_the_styled_413_page(client, solver, make_problem):
    problem = make_problem()
    # multipart (an ordinary form post): the limit counts the non-file fields
    response = client.post(reverse("submissions:submit", args=[problem.slug]), {"source": huge_non_ascii_source()})
    body = response.content.decode()
    assert response.status_code == 413
    assert str(source_too_big()) in body and 'data-testid="error-page"' in body and "<html" in body
    assert not Submission.objects.exists()


def test_it_names_the_form_limit_on_other_forms(client, solver, make_problem):
    problem = make_problem("essay", kind="design")
    answer = "é" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 4)
    response = client.post(reverse("submissions:answer", args=[problem.slug]), **urlencoded(answer=answer), **HTMX)
    assert response.status_code == 413
    assert f"{settings.DATA_UPLOAD_MAX_MEMORY_SIZE:,} bytes" in response.content.decode()
    assert not Submission.objects.exists()


def test_it_refuses_an_over_size_paste_also_when_the_csrf_check_reads_the_form(make_user, make_problem):
    """With CSRF enforced (as for real browsers) the check is the first to read the form."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user())
    problem = make_problem()
    page = client.get(reverse("problemset:detail", args=[problem.slug]))
    token = page.cookies["csrftoken"].value
    response = client.post(reverse("submissions:run", args=[problem.slug]),
                           **urlencoded(source=huge_non_ascii_source()), HTTP_X_CSRFTOKEN=token, **HTMX)
    assert response.status_code == 413 and str(source_too_big()) in response.content.decode()


def test_it_names_the_same_code_limit_whether_the_engine_or_the_form_limit_refuses(client, solver, make_problem):
    """The form limit leaves room for the largest source percent-encoded, so a source just over the code limit
    gets the engine's own message (its size and the limit); a paste too large to read gets the same limit."""
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE > 3 * MAX_SOURCE_BYTES + 16 * 1024
    problem = make_problem()
    url = reverse("submissions:run", args=[problem.slug])
    just_over = "€" * (MAX_SOURCE_BYTES // 3 + 1)  # 3 UTF-8 bytes each, 9 once percent-encoded
    engine = client.post(url, **urlencoded(source=just_over), **HTMX)
    assert engine.status_code == 413
    assert f"the source is {len(just_over.encode()):,} bytes; the limit is {LIMIT_TEXT}" in engine.content.decode()
    unreadable = client.post(url, **urlencoded(source=huge_non_ascii_source()), **HTMX)
    assert unreadable.status_code == 413 and f"the limit of {LIMIT_TEXT}" in unreadable.content.decode()
    assert not Submission.objects.exists()
