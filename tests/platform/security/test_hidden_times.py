"""Hidden tests' times reach solvers only to 0.1 s (finding 5): to the millisecond, code could loop or sleep
n ms and read the size of a hidden input back off the page. Public examples keep exact times (they hide
nothing); instructors reviewing a submission see the exact ones."""
from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from mljudge.grading.reports import solver_report
from mljudge.submissions.models import Mode, Status, Verdict

from ..reports import hidden, public, report

pytestmark = [pytest.mark.django_db, pytest.mark.services]

# Hidden times 0.1234 s and 0.4567 s, a public example at 0.0123 s; the total (0.5924 s) counts the hidden ones.
EXAMPLE = public("example-1", time_s=0.0123, input="x=1", expected="1", got="1")
REPORT = report(EXAMPLE, hidden("big-n", time_s=0.1234), hidden("bigger-n", time_s=0.4567),
                time_s=0.5924, wall_time_s=0.7891, sandbox="docker")
EXACT = ("123", "456", "457", "592", "789")   # any digits of the exact hidden times or of totals counting them


def times_shown(html: str) -> str:
    """The parts of a submission page that show times: the tests table and the total (not the CSRF token)."""
    parts = re.findall(r'<table class="tests">.*?</table>|data-testid="total-time">[^<]*<', html, re.DOTALL)
    assert parts, "no times on the page"
    return "\n".join(parts)


def assert_coarse(text: str) -> None:
    for digits in EXACT:
        assert digits not in text, f"exact time ({digits}) shown: {text}"


@pytest.fixture
def graded(make_user, make_problem, make_submission):
    owner = make_user("owner")
    return make_submission(owner, make_problem("toy"), status=Status.GRADED, verdict=Verdict.ACCEPTED, score=1.0,
                           passed=3, total=3, time_s=0.5924, report=REPORT)


def test_it_rounds_hidden_times_in_the_solver_view_of_a_report():
    solver = solver_report(REPORT)
    assert [t.time_s for t in solver.tests] == [0.0123, 0.1, 0.5]   # the public example stays exact
    assert (solver.time_s, solver.wall_time_s) == (0.6, 0.8)
    assert REPORT["tests"][1]["time_s"] == 0.1234                    # the stored report is untouched
    # A report of an older schema version is upgraded (grader.upgrade), then shown the same way.
    legacy = solver_report({**REPORT, "schema_version": 0})
    assert [t.time_s for t in legacy.tests] == [0.0123, 0.1, 0.5] and legacy.time_s == 0.6


def test_it_shows_the_owner_only_coarse_hidden_times_and_the_reviewer_exact_ones(client, graded, make_user):
    from mljudge.cohorts.services import cohort_create, cohort_join

    client.force_login(graded.user)
    for name in ("detail", "status"):
        shown = times_shown(client.get(reverse(f"submissions:{name}", args=[graded.id])).content.decode())
        assert_coarse(shown)
        assert "0.1 s" in shown and "0.5 s" in shown and "0.6 s total" in shown
        assert "12 ms" in shown   # the public example: exact
    history = client.get(reverse("submissions:history")).content.decode()
    assert f"#{graded.id}" in history
    assert_coarse(re.search(r"<table>.*?</table>", history, re.DOTALL).group(0))

    teacher = make_user("teacher")
    teacher.groups.add(Group.objects.get_or_create(name="instructor")[0])
    cohort_join(user=graded.user, token=cohort_create(instructor=teacher, name="ML 101").invite_token,
                share_past=True)  # the submission predates joining (test_consent.py)
    client.force_login(teacher)
    html = client.get(reverse("review:submission", args=[graded.id])).content.decode()
    assert "0.1234" in html and "0.4567" in html   # instructors review the exact times


def test_it_shows_exact_times_for_a_run_of_the_public_examples(client, make_user, make_problem, make_submission):
    examples = report(EXAMPLE, public_only=True, wall_time_s=0.0456, sandbox="docker")
    run = make_submission(make_user(), make_problem(), mode=Mode.RUN, status=Status.GRADED,
                          verdict=Verdict.ACCEPTED, passed=1, total=1, time_s=0.0123, report=examples)
    # Graded before any hidden time is shown: the same page must still round a submission's total.
    submission = make_submission(run.user, run.problem, status=Status.GRADED, verdict=Verdict.ACCEPTED,
                                 passed=3, total=3, time_s=0.5924, report=REPORT)
    client.force_login(run.user)
    shown = times_shown(client.get(reverse("submissions:status", args=[run.id])).content.decode())
    assert shown.count("12 ms") == 2   # the example and the total
    other = client.get(reverse("submissions:status", args=[submission.id])).content.decode()
    assert "0.6 s total" in times_shown(other)


def test_it_shows_coarse_hidden_times_while_grading_runs(client, make_user, make_problem, make_submission):
    running = make_submission(make_user(), make_problem(), status=Status.RUNNING, progress={"total": 3, "tests": [
        {"name": "example-1", "visibility": "public", "verdict": "accepted", "ran": True, "time_s": 0.0123},
        {"name": "big-n", "visibility": "hidden", "verdict": "accepted", "ran": True, "time_s": 0.1234}]})
    client.force_login(running.user)
    shown = times_shown(client.get(reverse("submissions:status", args=[running.id])).content.decode())
    assert_coarse(shown)
    assert "0.1 s" in shown and "12 ms" in shown and "big-n" not in shown


def test_it_shows_a_coarse_runtime_on_the_problem_leaderboard(client, graded):
    from mljudge.leaderboards.services import best_result_recompute

    best_result_recompute(user_id=graded.user_id, problem_id=graded.problem_id)
    html = client.get(reverse("leaderboards:problem", args=[graded.problem.slug])).content.decode()
    runtime = re.search(r'data-testid="runtime">([^<]*)<', html).group(1)
    assert runtime == "0.6 s"
