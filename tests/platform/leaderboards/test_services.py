"""BestResult and Standing kept by grading's submission_complete, best_result_recompute and the rebuilds."""
import grader
import pytest

from mljudge.grading import services as grading
from mljudge.leaderboards import scoring, services
from mljudge.leaderboards.models import BestResult, Scope, Standing
from mljudge.submissions.models import Mode, Status, Submission, Verdict

from .conftest import T0, days_ago

pytestmark = pytest.mark.django_db


def standing(user, scope=Scope.ALL):
    return Standing.objects.filter(user=user, scope=scope).first()


def test_it_records_the_best_result_when_the_grade_is_stored(grade, make_user, problems):
    user = make_user()
    grade(user, problems["medium"], "accepted", at=T0, time_s=0.2)
    best = BestResult.objects.get(user=user, problem=problems["medium"])
    assert (best.solved, best.points, best.solved_at, best.runtime_s, best.attempts) == (True, 2.0, T0, 0.2, 1)
    assert (standing(user).points, standing(user).solved, standing(user).reached_at) == (2.0, 1, T0)
    assert standing(user, Scope.topic("linear-algebra")) and standing(user, Scope.topic("optimisation"))


def test_it_stores_the_grade_and_the_best_result_in_one_transaction(make_user, make_submission, problems,
                                                                    monkeypatch):
    submission = make_submission(make_user(), problems["easy"])
    claim = grading.submission_claim(submission_id=submission.id)

    def broken(**_):
        raise RuntimeError("totals failed")

    monkeypatch.setattr(services, "standings_update_user", broken)
    report = grader.Report(problem="easy-one", problem_version=1, verdict=grader.Verdict.ACCEPTED, score=1.0)
    with pytest.raises(RuntimeError, match="totals failed"):
        grading.submission_complete(claim=claim, report=report)
    # Neither half was written: the row is still running, to be graded again.
    assert Submission.objects.get(id=submission.id).status == Status.RUNNING
    assert not BestResult.objects.exists()


def test_it_ignores_runs(grade, make_user, problems):
    user = make_user()
    grade(user, problems["easy"], "accepted", mode=Mode.RUN)
    assert not BestResult.objects.exists() and not Standing.objects.exists()


def test_it_keeps_the_first_accepted_time_and_counts_attempts(grade, make_user, problems):
    user = make_user()
    grade(user, problems["easy"], "wrong_answer", at=T0)
    first = grade(user, problems["easy"], "accepted", at=T0.replace(hour=13), time_s=0.3)
    grade(user, problems["easy"], "accepted", at=T0.replace(hour=14), time_s=0.01)
    best = BestResult.objects.get(user=user)
    assert (best.solved_at, best.runtime_s, best.attempts, best.best_submission_id) == (first.created_at, 0.3, 3, first.id)


def test_it_removes_the_solve_when_a_rejudge_turns_it_into_a_wrong_answer(grade, make_user, problems):
    user = make_user()
    accepted = grade(user, problems["hard"], "accepted", at=T0)
    grade(user, problems["easy"], "accepted", at=T0)
    # A rejudge (issue 6) rewrites the row, then asks for the recount.
    Submission.objects.filter(id=accepted.id).update(verdict=Verdict.WRONG_ANSWER, score=0.0)
    best = services.best_result_recompute(user_id=user.id, problem_id=problems["hard"].id)
    assert (best.solved, best.points) == (False, 0.0)
    assert (standing(user).points, standing(user).solved) == (1.0, 1)
    assert standing(user, Scope.topic("optimisation")) is None   # no points left on that topic


def test_it_counts_a_score_override(grade, make_user, problems):
    user = make_user()
    wrong = grade(user, problems["medium"], "wrong_answer", at=T0)
    Submission.objects.filter(id=wrong.id).update(score_override=1.0)
    assert services.best_result_recompute(user_id=user.id, problem_id=problems["medium"].id).solved
    assert standing(user).points == 2.0
    Submission.objects.filter(id=wrong.id).update(score_override=0.0)
    assert not services.best_result_recompute(user_id=user.id, problem_id=problems["medium"].id).solved
    assert standing(user) is None


def test_it_deletes_the_row_when_nothing_graded_is_left(grade, make_user, problems):
    user = make_user()
    only = grade(user, problems["easy"], "accepted")
    Submission.objects.filter(id=only.id).update(status="queued")  # re-queued for a rejudge
    assert services.best_result_recompute(user_id=user.id, problem_id=problems["easy"].id) is None
    assert not BestResult.objects.exists() and not Standing.objects.exists()


def test_it_takes_the_private_score_of_the_best_public_submission(grade, make_user, problems):
    user = make_user()
    grade(user, problems["scored"], "wrong_answer", score=0.2, private=0.45, at=T0)
    best_public = grade(user, problems["scored"], "accepted", score=0.6, private=0.41, at=T0.replace(hour=13))
    grade(user, problems["scored"], "wrong_answer", score=0.3, private=0.9, at=T0.replace(hour=14))
    best = BestResult.objects.get(user=user)
    assert (best.best_submission_id, best.best_score, best.private_score, best.points) == (best_public.id, 0.6, 0.41, 3.0)


def test_it_refreshes_the_30_day_window_as_results_age(grade, make_user, problems):
    user = make_user()
    grade(user, problems["easy"], "accepted", at=days_ago(40))
    grade(user, problems["hard"], "accepted", at=days_ago(29.9))
    assert standing(user, Scope.LAST_30_DAYS).points == 3.0
    services.standings_refresh_window(now=days_ago(-1))     # a day later the hard solve has aged out
    assert standing(user, Scope.LAST_30_DAYS) is None
    assert standing(user).points == pytest.approx(3 + scoring.DECAY)


def test_it_rebuilds_everything_to_the_same_rows(grade, make_user, problems):
    alice, bob = make_user(), make_user()
    grade(alice, problems["easy"], "accepted", at=T0)
    grade(alice, problems["scored"], "wrong_answer", score=0.3, private=0.2, at=T0)
    grade(bob, problems["hard"], "wrong_answer", at=T0)
    fields = ("user_id", "problem_id", "solved", "points", "best_score", "private_score", "achieved_at", "attempts")
    before = sorted(BestResult.objects.values_list(*fields))
    standings = sorted(Standing.objects.values_list("scope", "user_id", "points", "solved", "reached_at"))
    assert services.leaderboards_rebuild() == (3, len(standings))
    assert sorted(BestResult.objects.values_list(*fields)) == before
    assert sorted(Standing.objects.values_list("scope", "user_id", "points", "solved", "reached_at")) == standings


def test_it_schedules_the_30_day_refresh_as_a_registered_task(settings, grade, make_user, problems):
    from mljudge.config import celery_app
    from mljudge.leaderboards.tasks import refresh_window_standings

    celery_app.loader.import_default_modules()
    name = settings.CELERY_BEAT_SCHEDULE["refresh-30-day-standings"]["task"]
    assert name in celery_app.tasks and refresh_window_standings.name == name
    grade(make_user(), problems["easy"], "accepted", at=days_ago(1))
    assert refresh_window_standings() == 1
