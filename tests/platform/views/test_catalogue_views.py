import pytest
from django.urls import reverse

from mljudge.submissions.models import Status, Verdict

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(make_problem):
    return {
        "softmax": make_problem("softmax", topics=["deep-learning"], difficulty="easy", statement="stable exp"),
        "kmeans": make_problem("kmeans", topics=["clustering"], difficulty="medium"),
        "feed": make_problem("feed-design", kind="design", topics=["systems"], difficulty="hard"),
    }


def slugs(response) -> list[str]:
    return [p.slug for p in response.context["problems"]]


def test_it_lists_problems_for_anonymous_visitors(client, catalogue):
    response = client.get(reverse("problemset:catalogue"))
    assert response.status_code == 200
    assert slugs(response) == ["softmax", "kmeans", "feed-design"]  # by difficulty


@pytest.mark.parametrize("query, expected", [
    ({"topic": "clustering"}, ["kmeans"]),
    ({"difficulty": "hard"}, ["feed-design"]),
    ({"kind": "design"}, ["feed-design"]),
    ({"q": "stable"}, ["softmax"]),
    ({"q": "KMEANS"}, ["kmeans"]),
    ({"difficulty": "bogus"}, ["softmax", "kmeans", "feed-design"]),
])
def test_it_filters_and_searches(client, catalogue, query, expected):
    assert slugs(client.get(reverse("problemset:catalogue"), query)) == expected


def test_it_filters_by_own_status(client, catalogue, make_user, make_submission):
    me, other = make_user(), make_user()
    make_submission(me, catalogue["softmax"], status=Status.GRADED, verdict=Verdict.ACCEPTED)
    make_submission(me, catalogue["kmeans"], status=Status.GRADED, verdict=Verdict.WRONG_ANSWER)
    make_submission(other, catalogue["feed"], status=Status.AWAITING_REVIEW, mode="design")
    client.force_login(me)
    url = reverse("problemset:catalogue")
    assert slugs(client.get(url, {"status": "solved"})) == ["softmax"]
    assert slugs(client.get(url, {"status": "attempted"})) == ["kmeans"]
    assert slugs(client.get(url, {"status": "new"})) == ["feed-design"]


def test_it_renders_the_statement_with_math_and_the_starter_code(client, make_user, make_problem):
    problem = make_problem("toy", statement="Compute $x^2$ <script>alert(1)</script>\n\n```python\nx = 1\n```")
    client.force_login(make_user())
    html = client.get(reverse("problemset:detail", args=[problem.slug])).content.decode()
    assert '<span class="math math-inline">x^2</span>' in html
    assert "<script>alert(1)" not in html
    assert 'class="highlight"' in html
    assert "def f(x):" in html and 'data-editor="python"' in html


def test_it_asks_anonymous_visitors_to_log_in_on_a_problem(client, make_problem):
    html = client.get(reverse("problemset:detail", args=[make_problem().slug])).content.decode()
    assert "to run and submit code" in html and 'data-editor="python"' not in html


def test_the_catalogue_and_the_problem_page_show_the_runtime_and_its_version(client, settings):
    """Synced from the real folders: a PyTorch problem says so (and which version), a NumPy one says NumPy."""
    import re

    from mljudge.grading.problems import problems_sync

    from ..conftest import PROBLEMS

    settings.MLJUDGE_PROBLEMS_DIR = PROBLEMS
    for slug in ("torch-self-attention", "softmax"):
        problems_sync(root=PROBLEMS / slug)
    page = client.get("/problems/").content.decode()
    row = lambda slug: re.search(rf'<tr data-slug="{slug}">(.*?)</tr>', page, re.S).group(1)  # noqa: E731
    assert 'data-testid="runtime">PyTorch<' in row("torch-self-attention")
    assert 'data-testid="runtime">NumPy<' in row("softmax")
    detail = client.get("/problems/torch-self-attention/").content.decode()
    assert re.search(r'data-testid="runtime">PyTorch 2\.13 \(CPU\)</span>', detail)
