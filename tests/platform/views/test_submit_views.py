
import pytest
from django.test import Client
from django.urls import reverse

from mljudge.submissions.models import Mode, Status, Submission

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
CODE = "def f(x):\n    return x * x\n"


@pytest.fixture(autouse=True)
def delay(grade_delay):
    return grade_delay



def test_it_requires_login_to_submit(client, make_problem):
    response = client.post(reverse("submissions:submit", args=[make_problem().slug]), {"source": CODE})
    assert response.status_code == 302 and reverse("login") in response.url
    assert not Submission.objects.exists()


def test_it_rejects_a_post_without_a_csrf_token(make_user, make_problem):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user())
    response = client.post(reverse("submissions:submit", args=[make_problem().slug]), {"source": CODE})
    assert response.status_code == 403 and not Submission.objects.exists()


def test_it_accepts_a_post_with_the_csrf_token_from_the_page(make_user, make_problem):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user())
    problem = make_problem()
    page = client.get(reverse("problemset:detail", args=[problem.slug]))
    token = page.context["csrf_token"]
    response = client.post(reverse("submissions:submit", args=[problem.slug]),
                           {"source": CODE, "csrfmiddlewaretoken": str(token)})
    assert response.status_code == 302 and Submission.objects.count() == 1


def test_it_stores_a_submission_queues_it_and_shows_its_status(client, solver, make_problem, delay,
                                                             django_capture_on_commit_callbacks):
    problem = make_problem()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("submissions:submit", args=[problem.slug]), {"source": CODE}, **HTMX)
    submission = Submission.objects.get()
    assert (submission.user, submission.mode, submission.status, submission.source) == (solver, Mode.SUBMIT, Status.QUEUED, CODE)
    delay.assert_called_once_with(submission.id)
    html = response.content.decode()
    assert response.status_code == 200 and 'hx-trigger="every 1s"' in html
    # Sent once the transaction committed (here: when the captured callbacks ran, after the response).
    status = client.get(reverse("submissions:status", args=[submission.id]), **HTMX).content.decode()
    assert "Waiting for a grader" in status


def test_it_runs_examples_as_a_run(client, solver, make_problem):
    client.post(reverse("submissions:run", args=[make_problem().slug]), {"source": CODE}, **HTMX)
    assert Submission.objects.get().mode == Mode.RUN


def test_it_rejects_source_over_64_kb_with_a_clear_message(client, solver, make_problem):
    big = "x = 1\n" + "#" * (64 * 1024)
    response = client.post(reverse("submissions:submit", args=[make_problem().slug]), {"source": big}, **HTMX)
    assert response.status_code == 413
    assert "the limit is 65,536 bytes" in response.content.decode()
    assert not Submission.objects.exists()


def test_it_rejects_non_utf8_source_with_a_clear_message(client, solver, make_problem):
    body = b"source=def+f%28x%29%3A+return+%27%E9%27"   # 0xE9: Latin-1 e-acute, not UTF-8
    response = client.post(reverse("submissions:submit", args=[make_problem().slug]), data=body,
                           content_type="application/x-www-form-urlencoded", **HTMX)
    assert response.status_code == 400
    assert "not valid UTF-8 (byte 0xe9 on line 1)" in response.content.decode()
    assert not Submission.objects.exists()


def test_it_rejects_a_non_utf8_uploaded_file(client, solver, make_problem):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("solution.py", b"def f(x):\n    return '\xff'\n")
    response = client.post(reverse("submissions:submit", args=[make_problem().slug]), {"source_file": upload})
    assert response.status_code == 302 and not Submission.objects.exists()
    follow = client.get(response.url)
    assert "not valid UTF-8" in follow.content.decode()


def test_it_refuses_a_third_submission_in_flight(client, solver, make_problem, settings):
    settings.MLJUDGE_MAX_IN_FLIGHT = 2
    url = reverse("submissions:submit", args=[make_problem().slug])
    assert client.post(url, {"source": CODE}, **HTMX).status_code == 200
    assert client.post(url, {"source": CODE}, **HTMX).status_code == 200
    third = client.post(url, {"source": CODE}, **HTMX)
    assert third.status_code == 429 and "at most 2 at a time" in third.content.decode()
    assert Submission.objects.count() == 2


def test_it_refuses_past_the_daily_cap(client, solver, make_problem, make_submission, settings):
    settings.MLJUDGE_DAILY_LIMIT = 1
    problem = make_problem()
    make_submission(solver, problem, status=Status.GRADED)
    response = client.post(reverse("submissions:submit", args=[problem.slug]), {"source": CODE}, **HTMX)
    assert response.status_code == 429 and "limit of 1 runs and submissions in 24 hours" in response.content.decode()


def test_it_stores_a_design_answer_and_renders_it_sanitised(client, solver, make_problem, delay):
    problem = make_problem("design-feed", kind="design")
    html = client.get(reverse("problemset:detail", args=[problem.slug])).content.decode()
    assert 'data-editor="markdown"' in html
    response = client.post(reverse("submissions:answer", args=[problem.slug]),
                           {"answer": "# Plan\n\nShard by $user_id$.\n\n<script>alert('x')</script><b onclick='x()'>b</b>"})
    submission = Submission.objects.get()
    assert submission.status == Status.AWAITING_REVIEW and not delay.called
    page = client.get(response.url).content.decode()
    assert "<h1>Plan</h1>" in page and "Awaiting review" in page
    # HTML in an answer is shown as the text it is, never as tags (issue 10: it used to be filtered instead).
    assert "<script>alert" not in page and "<b onclick" not in page
    assert "&lt;script&gt;alert('x')&lt;/script&gt;&lt;b onclick='x()'&gt;b&lt;/b&gt;" in page
    preview = client.post(reverse("submissions:preview"), {"answer": "<script>alert(1)</script>**bold**"})
    assert preview.content.decode().strip() == "<p>&lt;script&gt;alert(1)&lt;/script&gt;<strong>bold</strong></p>"
