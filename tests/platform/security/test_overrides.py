"""Issue 10, finding 3: score overrides are bounded by what a grade could give, counted on the leaderboard by the
one scoring rule, kept in an append-only audit log, and shown to the student with who set them and why."""
from __future__ import annotations

import math
import re
import shutil

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError
from django.urls import reverse

from mljudge.leaderboards import selectors as boards
from mljudge.leaderboards.models import BestResult, Scope, Standing
from mljudge.review import services
from mljudge.review.models import ScoreOverride
from mljudge.submissions.models import Mode, Status, Submission, Verdict

from ..conftest import PROBLEMS, unavailable

pytestmark = [pytest.mark.django_db, pytest.mark.services]

RECALL = "recommender-recall-at-k"   # the real scored problem: recall@k, threshold 0.25, hard (weight 3)


@pytest.fixture(autouse=True)
def postgresql():
    # The trigger-backed guarantees and the exact leaderboard are PostgreSQL's (the production database).
    if connection.vendor != "postgresql":
        unavailable(f"PostgreSQL via DATABASE_URL (this run uses {connection.vendor})")


@pytest.fixture
def ada(make_user):
    """The instructor (staff review everyone's submissions)."""
    return make_user("ada", staff=True)


@pytest.fixture
def graded(make_submission):
    def make(user, problem, *, verdict=Verdict.WRONG_ANSWER, score=0.3, passed=3, total=10, **kw):
        submission = make_submission(user, problem, status=Status.GRADED, verdict=verdict, score=score,
                                     passed=passed, total=total, **kw)
        from mljudge.leaderboards.services import best_result_record

        best_result_record(submission=submission)
        return submission

    return make


@pytest.fixture
def recall(db, settings):
    """The scored problem synced from problems/: its score range comes from the grader's metric."""
    from mljudge.grading.problems import problems_sync
    from mljudge.problemset.models import Problem

    settings.MLJUDGE_PROBLEMS_DIR = PROBLEMS
    report = problems_sync(root=PROBLEMS / RECALL, check_cases=False)
    assert report.ok, report.invalid
    return Problem.objects.get(slug=RECALL)


def refusal(by, submission, score, reason="regrade") -> str:
    with pytest.raises(services.ReviewRefused) as info:
        services.score_override_set(by=by, submission_id=submission.id, score=score, reason=reason)
    return str(info.value)


# --- bounded ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("score", [1000.0, -5.0, math.nan, math.inf, -math.inf, 1.000001, -0.000001])
def test_it_refuses_a_function_override_outside_zero_to_one(ada, make_user, make_problem, graded, score):
    submission = graded(make_user("ann"), make_problem("toy"))
    message = refusal(ada, submission, score)
    assert message == "The score must be a finite number between 0 and 1 (the fraction of tests passed)."
    submission.refresh_from_db()
    assert submission.score_override is None and not ScoreOverride.objects.exists()
    assert BestResult.objects.get(user=submission.user).best_score == 0.3


def test_it_refuses_a_scored_override_above_the_metric_max_and_names_the_range(ada, make_user, recall, graded):
    submission = graded(make_user("bob"), recall, score=0.1)
    for score in (1000.0, -5.0, 1.5, math.nan):
        assert refusal(ada, submission, score) == \
            "The score must be a finite number between 0 and 1 (the range of this problem's metric)."
    assert not ScoreOverride.objects.exists()
    recall.refresh_from_db()
    assert (recall.score_min, recall.score_max) == (0.0, 1.0)   # recall@k's, stored at sync from the grader


def test_it_stores_the_metric_range_from_the_grader_at_sync_time(ada, make_user, graded, settings, tmp_path):
    """A metric that is not 0-1 (negative squared error: at most 0) bounds overrides by its own range."""
    from mljudge.grading.problems import problems_sync

    folder = tmp_path / "nse-toy"
    shutil.copytree(PROBLEMS / RECALL, folder)
    toml = (folder / "problem.toml").read_text()
    toml = toml.replace(f'slug = "{RECALL}"', 'slug = "nse-toy"').replace('metric = "recall_at_k"\nk = 10\n',
                                                                      'metric = "negative_squared_error"\n')
    (folder / "problem.toml").write_text(toml.replace("threshold = 0.25", "threshold = -0.5"))
    settings.MLJUDGE_PROBLEMS_DIR = tmp_path
    assert problems_sync(root=tmp_path, check_cases=False).ok
    from mljudge.problemset.models import Problem

    problem = Problem.objects.get(slug="nse-toy")
    submission = graded(make_user("cyd"), problem, score=-2.0)
    assert refusal(ada, submission, 0.5) == \
        "The score must be a finite number of at most 0 (the range of this problem's metric)."
    problem.refresh_from_db()
    assert (problem.score_min, problem.score_max) == (None, 0.0)
    services.score_override_set(by=ada, submission_id=submission.id, score=-0.25, reason="tolerance")
    assert BestResult.objects.get(user=submission.user).solved   # -0.25 clears the threshold -0.5
    from grader.scoring import METRIC_RANGES, METRICS

    assert set(METRIC_RANGES) == set(METRICS)   # every metric the grader knows declares its range


def test_it_bounds_a_design_override_by_the_fraction_of_rubric_points(ada, make_user, make_problem,
                                                                     make_submission):
    answer = make_submission(make_user("dan"), make_problem("essay", kind="design"), mode=Mode.DESIGN,
                             status=Status.GRADED, score=0.5)
    assert refusal(ada, answer, 8.0) == \
        "The score must be a finite number between 0 and 1 (the fraction of rubric points)."
    services.score_override_set(by=ada, submission_id=answer.id, score=0.8, reason="criterion 2 undervalued")
    answer.refresh_from_db()
    assert answer.score_override == 0.8


def test_the_review_page_refuses_an_out_of_range_override_with_the_message(client, ada, make_user, make_problem,
                                                                           graded):
    submission = graded(make_user("ann"), make_problem("toy"))
    client.force_login(ada)
    response = client.post(reverse("review:override", args=[submission.id]), {"score": "1000", "reason": "x"},
                           follow=True)
    assert "The score must be a finite number between 0 and 1" in response.content.decode()
    page = client.get(reverse("review:submission", args=[submission.id])).content.decode()
    assert not ScoreOverride.objects.exists()
    assert 'min="0"' in page and 'max="1"' in page and 'maxlength="2000"' in page


# --- the reason -------------------------------------------------------------------------------------

def test_it_requires_a_reason_and_bounds_its_length_with_a_clear_error(ada, make_user, make_problem, graded):
    submission = graded(make_user("ann"), make_problem("toy"))
    assert refusal(ada, submission, 0.9, reason=" \n ") == "Say why the score is overridden."
    too_long = "x" * 2001   # the promised bound (services.MAX_OVERRIDE_REASON)
    assert refusal(ada, submission, 0.9, reason=too_long) == "The reason is at most 2,000 characters of text."
    assert refusal(ada, submission, 0.9, reason="nul\x00byte") == "The reason is at most 2,000 characters of text."
    assert not ScoreOverride.objects.exists()
    longest = "y" * 2000
    services.score_override_set(by=ada, submission_id=submission.id, score=0.9, reason=longest)
    assert ScoreOverride.objects.get().reason == longest   # stored whole, never silently cut


# --- what the leaderboard counts ----------------------------------------------------------------------

def test_a_failing_submission_overridden_to_one_counts_exactly_as_a_real_solve_and_never_above_it(
        ada, make_user, make_problem, graded):
    problem = make_problem("toy", difficulty="medium")   # weight 2
    ann, bob = make_user("ann"), make_user("bob")
    graded(ann, problem, verdict=Verdict.ACCEPTED, score=1.0, passed=10, total=10)
    failing = graded(bob, problem)
    with pytest.raises(services.ReviewRefused):   # the finding: 1000 put its owner on top
        services.score_override_set(by=ada, submission_id=failing.id, score=1000.0, reason="top me")
    services.score_override_set(by=ada, submission_id=failing.id, score=1.0, reason="a hidden case was wrong")
    real, overridden = BestResult.objects.get(user=ann), BestResult.objects.get(user=bob)
    assert (overridden.solved, overridden.points, overridden.best_score) == (True, 2.0, 1.0)
    assert (real.solved, real.points, real.best_score) == (overridden.solved, overridden.points, overridden.best_score)
    board = boards.leaderboard_global(viewer=ann)
    assert [(r.user.username, r.points, r.solved) for r in board.rows] == [("ann", 2.0, 1), ("bob", 2.0, 1)]
    first_solves = boards.leaderboard_for_problem(problem=problem, viewer=ann)
    assert [r.user.username for r in first_solves.rows] == ["ann", "bob"]   # equal: the earlier solve first


def test_a_scored_override_is_at_most_the_metric_max_on_the_public_ranking(ada, make_user, recall, graded):
    ann, bob = make_user("ann"), make_user("bob")
    graded(ann, recall, verdict=Verdict.ACCEPTED, score=1.0)   # a perfect recall@k
    failing = graded(bob, recall, score=0.1)
    with pytest.raises(services.ReviewRefused):
        services.score_override_set(by=ada, submission_id=failing.id, score=1000.0, reason="top me")
    services.score_override_set(by=ada, submission_id=failing.id, score=1.0, reason="bug in the split")
    ranking = boards.leaderboard_for_problem(problem=recall, viewer=ann)
    assert [(r.user.username, r.best_score, r.solved, r.points) for r in ranking.rows] == \
        [("ann", 1.0, True, 3.0), ("bob", 1.0, True, 3.0)]
    assert Standing.objects.get(user=bob, scope=Scope.ALL).points == 3.0


def test_an_override_written_around_the_service_still_counts_only_within_the_range(make_user, make_problem,
                                                                                  graded):
    """Legacy rows (before this fix) or a shell: the scoring rule clamps, so the leaderboard never shows more."""
    from mljudge.leaderboards.services import best_result_recompute

    problem = make_problem("toy")
    submission = graded(make_user("eve"), problem)
    Submission.objects.filter(id=submission.id).update(score_override=1000.0)
    best = best_result_recompute(user_id=submission.user_id, problem_id=problem.id)
    assert (best.best_score, best.points, best.solved) == (1.0, 1.0, True)
    Submission.objects.filter(id=submission.id).update(score_override=-5.0)
    best = best_result_recompute(user_id=submission.user_id, problem_id=problem.id)
    assert (best.best_score, best.points, best.solved) == (0.0, 0.0, False)


# --- the audit log ----------------------------------------------------------------------------------

def test_the_audit_row_can_be_neither_updated_nor_deleted(ada, make_user, make_problem, graded):
    submission = graded(make_user("ann"), make_problem("toy"))
    audit = services.score_override_set(by=ada, submission_id=submission.id, score=0.9, reason="original")
    audit.reason = "rewritten"
    for attempt in (audit.save, audit.delete,
                    lambda: ScoreOverride.objects.filter(id=audit.id).update(reason="rewritten"),
                    lambda: ScoreOverride.objects.filter(id=audit.id).delete(),
                    lambda: submission.overrides.all().delete()):
        with pytest.raises(IntegrityError), transaction.atomic():
            attempt()
    # Around the ORM: the database refuses too.
    for sql in ("UPDATE review_scoreoverride SET reason = 'rewritten', score = 1000 WHERE id = %s",
                "DELETE FROM review_scoreoverride WHERE id = %s"):
        with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [audit.id])
    with pytest.raises(ProtectedError), transaction.atomic():   # nor by deleting what it audits
        Submission.objects.filter(id=submission.id).delete()
    assert ScoreOverride.objects.filter(id=audit.id, reason="original", score=0.9).exists()


def test_no_admin_page_changes_an_override_or_its_audit_row(client, ada, make_user, make_problem, graded):
    from django.contrib import admin

    submission = graded(make_user("ann"), make_problem("toy"))
    audit = services.score_override_set(by=ada, submission_id=submission.id, score=0.9, reason="original")
    root = make_user("root", staff=True)
    root.is_superuser = True
    root.save(update_fields=["is_superuser"])
    client.force_login(root)
    model_admin = admin.site._registry[ScoreOverride]
    request = client.get("/").wsgi_request
    assert not model_admin.has_change_permission(request, audit)
    assert not model_admin.has_delete_permission(request, audit)
    change = reverse("admin:review_scoreoverride_change", args=[audit.id])
    assert client.post(change, {"reason": "rewritten", "score": "1000"}).status_code == 403
    delete = reverse("admin:review_scoreoverride_delete", args=[audit.id])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    # The submission's admin shows the override but cannot set one (that bypassed the bound and the audit).
    edit = reverse("admin:submissions_submission_change", args=[submission.id])
    client.post(edit, {"score_override": "1000", "heartbeat_at_0": "", "heartbeat_at_1": ""})
    submission.refresh_from_db()
    assert submission.score_override == 0.9
    assert ScoreOverride.objects.get().reason == "original"


# --- visible to the student -------------------------------------------------------------------------

def _verdict(html: str, submission_id: int) -> str:
    """The verdict cell of one submission's status panel, tags stripped."""
    panel = html[html.index(f'id="submission-{submission_id}"'):]
    cell = re.search(r'data-testid="verdict">(.*?)</span>\s*(?:<span data-testid="score"|<span class="muted">|</div>)',
                     panel, re.DOTALL).group(1)
    return " ".join(re.sub(r"<[^>]+>", " ", cell).split())


def test_the_student_sees_who_overrode_their_score_and_why(client, ada, make_user, make_problem, graded):
    ann = make_user("ann")
    problem = make_problem("toy")
    failing = graded(ann, problem)
    services.score_override_set(by=ada, submission_id=failing.id, score=1.0,
                                reason="hidden case 3 had a wrong expected output <script>x</script>")
    client.force_login(ann)
    page = client.get(reverse("submissions:detail", args=[failing.id])).content.decode()
    note = "Score overridden by <strong data-testid=\"override-by\">ada</strong>: "
    assert note in page
    assert "hidden case 3 had a wrong expected output &lt;script&gt;x&lt;/script&gt;" in page
    assert "<script>x</script>" not in page
    assert "graded score 0.3000, effective score 1.0000" in page
    assert 'data-override-outcome="solved"' in page
    history = client.get(reverse("submissions:history")).content.decode()
    assert note in history and "hidden case 3 had a wrong expected output" in history
    assert "graded score 0.3000, effective score 1.0000" in history
    # The instructor sees every change, newest first (a removal included), on the review page.
    services.score_override_set(by=ada, submission_id=failing.id, score=None, reason="second look")
    services.score_override_set(by=ada, submission_id=failing.id, score=0.6, reason="third look")
    client.force_login(ada)
    page = client.get(reverse("review:submission", args=[failing.id])).content.decode()
    rows = re.findall(r'data-testid="override-audit-row">(.*?)</li>', page, re.DOTALL)
    rows = [re.sub(r"<[^>]+>", "", r) for r in rows]  # the instructor is named by {% user_label %}: text only
    assert [" ".join(r.split()[3:]) for r in rows] == [   # after the date and time
        "@ada: 0.3 → 0.6 — third look", "@ada: 1.0 → (removed) — second look",
        "@ada: 0.3 → 1.0 — hidden case 3 had a wrong expected output &lt;script&gt;x&lt;/script&gt;"]


def test_an_override_that_fails_an_accepted_submission_never_shows_a_bare_accepted(client, ada, make_user,
                                                                                  make_problem, graded):
    ann = make_user("ann")
    accepted = graded(ann, make_problem("toy"), verdict=Verdict.ACCEPTED, score=1.0, passed=10, total=10)
    services.score_override_set(by=ada, submission_id=accepted.id, score=0.2, reason="copied from bob")
    client.force_login(ann)
    page = client.get(reverse("submissions:detail", args=[accepted.id])).content.decode()
    verdict = _verdict(page, accepted.id)
    assert verdict.startswith("Not accepted") and "score overridden" in verdict, verdict
    assert "Score overridden by" in page and "copied from bob" in page
    assert "graded score 1.0000, effective score 0.2000" in page
    history = client.get(reverse("submissions:history")).content.decode()
    assert 'data-override-outcome="not_solved"' in history and "copied from bob" in history
    assert not BestResult.objects.get(user=ann).solved
