"""What a result says (issue 13): a scored submission that missed the bar says "score … below the threshold …"
(not "Wrong Answer 3/3" with every row green) with the score over all hidden rows; a graded design answer shows
its rubric total; and the problem page's recent submissions and statistics refresh once a verdict is final."""
from __future__ import annotations

import re

import pytest
from django.urls import reverse

from mljudge.problemset.models import Kind, Problem
from mljudge.submissions.models import Mode, Status, Verdict

from ..reports import hidden, public, report

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(make_problem):
    problem = make_problem("churn")
    Problem.objects.filter(pk=problem.pk).update(kind=Kind.SCORED, score_threshold=0.25)
    problem.refresh_from_db()
    return problem


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_a_score_below_the_threshold_says_so_with_the_score_over_all_hidden_rows(client, solver, scored,
                                                                                 make_submission):
    stored = report(public("example"), hidden("a"), hidden("b"), problem="churn", verdict=Verdict.WRONG_ANSWER,
                    score=0.165, private_score=0.177, overall_score=0.171,
                    message="the score over all hidden rows is below the acceptance threshold 0.25")
    submission = make_submission(solver, scored, status=Status.GRADED, verdict=Verdict.WRONG_ANSWER, score=0.165,
                                 passed=3, total=3, report=stored)
    html = client.get(reverse("submissions:status", args=[submission.id])).content.decode()
    verdict = re.search(r'data-testid="verdict">(.*?)</span>\s*</span>', html, re.DOTALL).group(1)
    assert text(verdict) == "score 0.171 below the threshold 0.25"
    assert "Wrong Answer" not in html and "3/3" not in html
    assert "public score 0.1650" in html and "0.177" not in html   # the private part stays private
    assert html.count("Valid predictions") == 3 and 'class="verdict ok"' not in html   # no green rows
    history = client.get(reverse("submissions:history")).content.decode()
    assert "Below the threshold 0.25" in history and "3/3" not in history


def test_an_accepted_scored_submission_shows_its_score_and_the_bar(client, solver, scored, make_submission):
    stored = report(public("example"), hidden("a"), problem="churn", score=0.31, overall_score=0.3)
    submission = make_submission(solver, scored, status=Status.GRADED, verdict=Verdict.ACCEPTED, score=0.31,
                                 passed=2, total=2, report=stored)
    html = text(client.get(reverse("submissions:status", args=[submission.id])).content.decode())
    assert "Accepted 2/2 score 0.3 (threshold 0.25) public score 0.3100" in html, html


def test_a_graded_design_answer_shows_its_rubric_total_not_a_blank_verdict(client, solver, make_user, make_problem,
                                                                           make_submission):
    from mljudge.review.models import RubricGrade
    from django.utils import timezone

    answer = make_submission(solver, make_problem("feed", kind="design"), mode=Mode.DESIGN, status=Status.GRADED,
                             score=0.7, source="# plan")
    RubricGrade.objects.create(submission=answer, graded_by=make_user("ada"), criteria=[], points=7,
                               max_points=10, published_at=timezone.now())
    page = client.get(reverse("submissions:detail", args=[answer.id])).content.decode()
    total = re.search(r'data-testid="rubric-total">(.*?)</span>', page).group(1)
    assert total == "Graded 7 / 10 points"
    assert "— total" not in page and 'data-testid="total-time"' not in page
    history = client.get(reverse("submissions:history")).content.decode()
    assert re.search(r'data-testid="rubric-total">Graded 70%</span>', history)


def test_a_final_status_tells_the_page_to_refresh_its_recent_submissions_and_statistics(client, solver,
                                                                                      make_problem,
                                                                                      make_submission):
    problem = make_problem()
    submission = make_submission(solver, problem)
    page = client.get(reverse("problemset:detail", args=[problem.slug])).content.decode()
    assert 'hx-trigger="submission-final from:body"' in page                # the recent submissions panel
    assert 'hx-trigger="load, submission-final from:body"' in page          # the statistics
    polling = client.get(reverse("submissions:status", args=[submission.id]))
    assert "HX-Trigger" not in polling   # still queued: nothing new to show
    submission.__class__.objects.filter(id=submission.id).update(status=Status.GRADED, verdict=Verdict.ACCEPTED)
    final = client.get(reverse("submissions:status", args=[submission.id]))
    assert final["HX-Trigger"] == "submission-final"
    fragment = client.get(reverse("submissions:recent", args=[problem.slug])).content.decode()
    assert f'data-submission="{submission.id}"' in fragment and "Accepted" in fragment
    assert fragment.strip().startswith('<div class="panel" id="recent-submissions"'), fragment[:200]


def test_the_recent_panel_is_there_hidden_before_the_first_submission(client, solver, make_problem):
    problem = make_problem()
    page = client.get(reverse("problemset:detail", args=[problem.slug])).content.decode()
    assert re.search(r'id="recent-submissions" data-testid="recent" hidden', page)
    assert client.get(reverse("submissions:recent", args=["nosuch"])).status_code == 404
