"""`manage.py seed_demo_data`: bulk demo data whose leaderboards match what recording each grade would give."""
import pytest
from django.core.management import CommandError, call_command
from mljudge.leaderboards import services
from mljudge.leaderboards.models import BestResult, Scope, Standing
from mljudge.submissions.models import Submission

pytestmark = pytest.mark.django_db


def test_it_seeds_users_and_submissions_and_ranks_them(problems, capsys):
    call_command("seed_demo_data", users=40, submissions=600, seed=3)
    assert "40 demo users" in capsys.readouterr().out
    assert Submission.objects.count() == 600 and BestResult.objects.exists()
    assert Standing.objects.filter(scope=Scope.ALL).count() > 5
    assert Standing.objects.filter(scope=Scope.LAST_30_DAYS).exists()
    assert Submission.objects.filter(created_at__lt=Submission.objects.latest("created_at").created_at).exists()
    # The bulk rebuild agrees with recording row by row.
    fields = ("user_id", "problem_id", "solved", "points", "best_score", "achieved_at", "attempts")
    bulk = sorted(BestResult.objects.values_list(*fields))
    for user_id, problem_id in {(r[0], r[1]) for r in bulk}:
        services.best_result_recompute(user_id=user_id, problem_id=problem_id)
    assert sorted(BestResult.objects.values_list(*fields)) == bulk


def test_it_seeds_real_reports_and_the_private_score_column(problems):
    from mljudge.problemset.models import Kind

    import grader

    call_command("seed_demo_data", users=5, submissions=60, seed=4)
    for report, private_score in Submission.objects.values_list("report", "private_score"):
        assert grader.Report.from_dict(report).private_score == private_score   # a valid report, and its column
    assert Submission.objects.filter(problem__kind=Kind.SCORED, private_score__isnull=False).exists()


def test_it_refuses_bad_counts(db, problems):
    with pytest.raises(CommandError, match="at least"):
        call_command("seed_demo_data", users=0, submissions=10)


def test_it_needs_a_synced_catalogue(db):
    with pytest.raises(CommandError, match="sync_problems"):
        call_command("seed_demo_data", users=1, submissions=1)


def test_it_stores_the_threshold_of_a_synced_scored_problem(synced_problems):
    from mljudge.grading.problems import problems_sync
    from mljudge.problemset.models import Problem

    problems_sync(root=synced_problems / "recommender-recall-at-k")
    assert Problem.objects.get(slug="recommender-recall-at-k").score_threshold == 0.25
