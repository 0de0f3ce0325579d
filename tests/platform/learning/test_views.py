"""The problem page's learning sections, the hint and give-up endpoints, the plans pages, the sync of plans, and
what instructors and the leaderboard show of reveals and give-ups."""
import shutil

import pytest
from django.urls import reverse

from mljudge.grading.problems import problems_sync
from mljudge.learning import services
from mljudge.learning.models import HintReveal, PlanStep, StudyPlan

from ...conftest import ROOT
from .conftest import EDITORIAL_CANARY

pytestmark = [pytest.mark.django_db, pytest.mark.services]
HTMX = {"HTTP_HX_REQUEST": "true"}


def page(client, problem) -> str:
    return client.get(reverse("problemset:detail", args=[problem.slug])).content.decode()


def test_the_page_shows_the_learn_text_the_rules_and_a_locked_editorial_without_its_text(client, solver, hinted):
    html = page(client, hinted)
    assert 'data-testid="learn"' in html and "Stable" in html
    assert "Reveal hint 1 of 3" in html and "costs 10% of its points (at most 30%)" in html
    assert 'data-testid="editorial-locked"' in html and 'data-testid="give-up"' in html
    assert EDITORIAL_CANARY not in html and "earns 0 points" in html
    client.logout()
    assert EDITORIAL_CANARY not in page(client, hinted)


def test_revealing_a_hint_by_htmx_returns_the_ladder_and_records_it(client, solver, hinted):
    response = client.post(reverse("learning:hint_next", args=[hinted.slug]), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "Which concept" in html and "Reveal hint 2 of 3" in html
    assert "Shift" not in html
    assert list(HintReveal.objects.filter(user=solver).values_list("index", flat=True)) == [0]
    for _ in range(2):
        client.post(reverse("learning:hint_next", args=[hinted.slug]), **HTMX)
    refused = client.post(reverse("learning:hint_next", args=[hinted.slug]), **HTMX)
    assert refused.status_code == 400 and "Every hint of this problem is revealed (3)" in refused.content.decode()


def test_a_plain_form_post_comes_back_to_the_problem(client, solver, hinted):
    response = client.post(reverse("learning:hint_next", args=[hinted.slug]))
    assert response.status_code == 302 and response["Location"].endswith(f"/problems/{hinted.slug}/#hints")


def test_hints_need_a_login_and_a_post(client, hinted):
    assert client.post(reverse("learning:hint_next", args=[hinted.slug])).status_code == 302
    assert not HintReveal.objects.exists()


def test_giving_up_asks_first_stating_the_forfeit_then_opens_the_editorial(client, solver, hinted, grade):
    grade(solver, hinted, "wrong_answer")
    confirm = client.get(reverse("learning:give_up", args=[hinted.slug])).content.decode()
    assert "forfeit" in confirm and EDITORIAL_CANARY not in confirm
    response = client.post(reverse("learning:give_up", args=[hinted.slug]))
    assert response.status_code == 302
    html = page(client, hinted)
    assert EDITORIAL_CANARY in html and 'data-testid="forfeit-note"' in html
    grade(solver, hinted, "accepted")
    board = client.get(reverse("leaderboards:problem", args=[hinted.slug])).content.decode()
    assert 'data-testid="forfeit"' in board and "earns 0 points" in board


def test_an_accepted_submission_opens_the_editorial_without_a_forfeit(client, solver, hinted, grade):
    grade(solver, hinted, "accepted")
    html = page(client, hinted)
    assert EDITORIAL_CANARY in html and 'data-testid="forfeit-note"' not in html


def test_a_failed_hidden_test_shows_failed_and_its_category(client, solver, hinted, make_submission):
    import grader

    from mljudge.grading import services as grading

    submission = make_submission(solver, hinted)
    claim = grading.submission_claim(submission_id=submission.id)
    hidden = grader.TestResult(name="secret-name", visibility=grader.Visibility.HIDDEN,
                               verdict=grader.Verdict.WRONG_ANSWER, passed=False, time_s=0.01, input="SECRET-IN",
                               covers=["zero-row"], category="empty cluster")
    grading.submission_complete(claim=claim, report=grader.Report(
        problem=hinted.slug, problem_version=1, verdict=grader.Verdict.WRONG_ANSWER, score=0.0, tests=[hidden],
        total=1))
    html = client.get(reverse("submissions:status", args=[submission.id])).content.decode()
    assert "failed: empty cluster" in html
    assert "secret-name" not in html and "SECRET-IN" not in html and "zero-row" not in html


@pytest.fixture
def planned(tmp_path, make_problem):
    """problems/ with two problems synced from folders, and plans/ with one plan naming a third, missing one."""
    root = tmp_path / "problems"
    root.mkdir()
    for slug in ("alpha", "beta"):
        make_problem(slug, title=f"Problem {slug}")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "basics.toml").write_text(
        'slug = "basics"\ntitle = "Basics"\nposition = 1\nsummary = "The first steps."\n'
        '[[steps]]\nproblem = "alpha"\nwhy = "Start here."\n'
        '[[steps]]\nproblem = "missing-one"\nwhy = "Not written yet."\n'
        '[[steps]]\nproblem = "beta"\nwhy = "Then this."\n')
    return root


def test_a_sync_stores_the_plans_and_reports_skipped_steps(planned):
    report = problems_sync(root=planned)
    assert report.plans == ["basics"] and report.plans_skipped == {"basics": ["missing-one"]}
    assert list(PlanStep.objects.filter(plan__slug="basics").values_list("problem__slug", flat=True)) == \
        ["alpha", "beta"]
    (planned.parent / "plans" / "basics.toml").unlink()
    (planned.parent / "plans" / "broken.toml").write_text("slug = ")
    report = problems_sync(root=planned)
    assert not StudyPlan.objects.exists() and report.plan_errors[0].startswith("broken.toml: not valid TOML")


def test_plan_pages_show_progress_and_the_next_problem(client, solver, planned, grade):
    problems_sync(root=planned)
    from mljudge.problemset.models import Problem

    alpha, beta = Problem.objects.get(slug="alpha"), Problem.objects.get(slug="beta")
    assert "0 of 2 solved" in client.get(reverse("learning:plans")).content.decode()
    submission = grade(solver, alpha, "accepted")
    assert "1 of 2 solved" in client.get(reverse("learning:plans")).content.decode()
    html = client.get(reverse("learning:plan", args=["basics"])).content.decode()
    assert "1 of 2 solved" in html and "Next problem: Problem beta" in html
    status = client.get(reverse("submissions:status", args=[submission.id])).content.decode()
    assert 'data-testid="next-in-plan"' in status and "Problem beta" in status
    assert client.get(reverse("learning:plan", args=["nope"])).status_code == 404
    grade(solver, beta, "accepted")
    assert "Next problem" not in client.get(reverse("learning:plan", args=["basics"])).content.decode()


def test_the_real_plans_cover_every_problem_once():
    from grader.plans import load_plans

    plans, errors = load_plans(ROOT / "plans")
    steps = [s.problem for p in plans for s in p.steps]
    assert not errors and len(steps) == len(set(steps)) == 46
    assert {p.name for p in (ROOT / "problems").iterdir() if (p / "problem.toml").exists()} <= set(steps)
    assert [p.slug for p in plans] == ["math-through-code", "first-models", "neural-networks-from-scratch",
                                       "transformers", "interview-practice"]


def test_instructors_see_reveals_and_give_ups(client, make_user, hinted, grade):
    from mljudge.cohorts.services import cohort_create, cohort_join
    from django.contrib.auth.models import Group

    teacher, student = make_user("teacher"), make_user("student")
    teacher.groups.add(Group.objects.get_or_create(name="instructor")[0])
    cohort = cohort_create(instructor=teacher, name="ML 101")
    cohort_join(user=student, token=cohort.invite_token)
    services.hint_reveal_next(user=student, problem=hinted)
    services.hint_reveal_next(user=student, problem=hinted)
    services.editorial_give_up(user=student, problem=hinted)
    submission = grade(student, hinted, "wrong_answer")
    client.force_login(teacher)
    roster = client.get(reverse("cohorts:detail", args=[cohort.id])).content.decode()
    assert 'data-testid="learning-roster"' in roster and "2 hints" in roster and "gave up" in roster
    assert "hint 1: " in roster  # the times, on hover
    review = client.get(reverse("review:submission", args=[submission.id])).content.decode()
    assert 'data-testid="learning-record"' in review and "2 hints" in review and "gave up" in review


def test_giving_up_during_a_mock_interview_is_refused_not_a_500(client, make_user, make_problem):
    from mljudge.assessments import policy
    from mljudge.assessments.services import mock_start
    from mljudge.learning.models import EditorialUnlock
    from mljudge.problemset.models import Problem

    user = make_user()
    make_problem("locked-toy", hints=[("One", "first"), ("Two", "second")], editorial="## Approach\nSECRET-ED")
    make_problem("drawn-toy")
    mock_start(user=user, minutes=policy.MOCK_LENGTHS[0], coding=1, with_design=False,
               pool=Problem.objects.filter(slug="drawn-toy"), source="difficulty", now=policy.now())
    client.force_login(user)
    response = client.post("/problems/locked-toy/give-up/", follow=True)
    assert response.status_code == 200
    assert "locked while your mock interview runs" in response.content.decode()
    assert "SECRET-ED" not in response.content.decode()
    assert not EditorialUnlock.objects.filter(user=user).exists()
