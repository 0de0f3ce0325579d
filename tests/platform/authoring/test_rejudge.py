"""A change of a problem's grading content publishes a new version and queues a rejudge of its submissions
on the separate rejudge queue (Redis); the rejudged submission keeps its previous report. Graded for real in
Docker, which also shows the stored report is the full one while the solver's page is redacted."""
import json
import shutil

import pytest
import redis
from django.conf import settings as django_settings
from django.urls import reverse

from mljudge.grading import rejudge, services
from mljudge.grading.models import ReportHistory
from mljudge.grading.problems import problems_sync
from mljudge.grading.sandboxes import sandbox_pool_close
from mljudge.problemset.models import Problem
from mljudge.submissions.models import Status, Verdict

from ...grader.conftest import to_bank_standard
from ..conftest import ROOT

pytestmark = [pytest.mark.django_db, pytest.mark.docker, pytest.mark.services]
FIXTURE = ROOT / "tests" / "grader" / "fixtures" / "vector-norm"
REFERENCE = (FIXTURE / "reference.py").read_text()


@pytest.fixture
def rejudge_queue(redis_url, docker_available, settings):
    name = django_settings.MLJUDGE_REJUDGE_QUEUE
    assert name != django_settings.CELERY_TASK_DEFAULT_QUEUE and name.startswith("mljudge-test-")
    client = redis.Redis.from_url(redis_url)
    client.delete(name, django_settings.CELERY_TASK_DEFAULT_QUEUE)
    settings.MLJUDGE_SANDBOX = "docker"
    sandbox_pool_close()
    yield client
    client.delete(name, django_settings.CELERY_TASK_DEFAULT_QUEUE)
    sandbox_pool_close()


def test_it_rejudges_on_the_rejudge_queue_after_a_version_change_and_keeps_history(
        tmp_path, settings, rejudge_queue, make_user, make_submission, client, django_capture_on_commit_callbacks):
    shutil.copytree(FIXTURE, tmp_path / "vector-norm")
    settings.MLJUDGE_PROBLEMS_DIR = tmp_path
    problems_sync(root=tmp_path)
    problem = Problem.objects.get(slug="vector-norm")
    v1 = problem.current_version
    user = make_user("ann")
    submission = make_submission(user, problem, source=REFERENCE)
    assert services.submission_grade(submission_id=submission.id) is services.Outcome.GRADED
    submission.refresh_from_db()
    assert submission.verdict == Verdict.ACCEPTED
    hidden = [t for t in submission.report["tests"] if t["visibility"] == "hidden"]
    assert any("271828" in t["input"] for t in hidden)  # stored in full, for instructors
    client.force_login(user)
    for name in ("detail", "status"):
        html = client.get(reverse(f"submissions:{name}", args=[submission.id])).content.decode()
        assert "271828" not in html and "hidden-secret-sentinel" not in html

    # The checker tolerance (grading content) changes: a new version, and a rejudge queued on its own queue.
    toml = tmp_path / "vector-norm" / "problem.toml"
    toml.write_text(toml.read_text().replace("rtol = 1e-9", "rtol = 1e-7"))
    with django_capture_on_commit_callbacks(execute=True):
        report = problems_sync(root=tmp_path)
    assert report.outcomes["vector-norm"] == "new version" and report.rejudged == {"vector-norm": 1}
    problem.refresh_from_db()
    assert problem.current_version.number == 2
    assert rejudge_queue.llen(django_settings.CELERY_TASK_DEFAULT_QUEUE) == 0  # new submissions are not delayed
    messages = rejudge_queue.lrange(django_settings.MLJUDGE_REJUDGE_QUEUE, 0, -1)
    assert len(messages) == 1
    message = json.loads(messages[0])
    assert message["headers"]["task"] == "mljudge.grading.tasks.rejudge_submission"

    # What the rejudge worker runs (here in-process, with the real Docker sandbox):
    assert rejudge.submission_rejudge(submission_id=submission.id) is services.Outcome.GRADED
    assert rejudge.submission_rejudge(submission_id=submission.id) is services.Outcome.NOT_CLAIMED  # re-delivery
    submission.refresh_from_db()
    assert (submission.status, submission.verdict, submission.problem_version_id) == \
        (Status.GRADED, Verdict.ACCEPTED, problem.current_version_id)
    (old,) = ReportHistory.objects.filter(submission=submission)
    assert old.problem_version_id == v1.id and old.verdict == Verdict.ACCEPTED and old.report["tests"]
    client.force_login(make_user("root", staff=True))
    html = client.get(reverse("review:submission", args=[submission.id])).content.decode()
    assert 'data-testid="report-history"' in html and "version 1" in html
    from mljudge.leaderboards.models import BestResult

    assert BestResult.objects.get(user=user, problem=problem).best_submission_id == submission.id


def test_it_does_not_rejudge_when_only_the_statement_changes(tmp_path, settings, make_user, make_submission):
    shutil.copytree(FIXTURE, tmp_path / "vector-norm")
    settings.MLJUDGE_PROBLEMS_DIR = tmp_path
    problems_sync(root=tmp_path)
    problem = Problem.objects.get(slug="vector-norm")
    make_submission(make_user(), problem, status=Status.GRADED, verdict=Verdict.ACCEPTED)
    (tmp_path / "vector-norm" / "statement.md").write_text("Reworded.")
    report = problems_sync(root=tmp_path)
    assert report.outcomes["vector-norm"] == "updated" and report.rejudged == {}


def test_it_refuses_a_folder_whose_wrong_solution_passes_the_sandbox_check(tmp_path, settings, rejudge_queue):
    folder = tmp_path / "vector-norm"
    to_bank_standard(shutil.copytree(FIXTURE, folder))
    settings.MLJUDGE_PROBLEMS_DIR = tmp_path
    wrong = sorted((folder / "wrong").glob("*.py"))[0]
    wrong.write_text(REFERENCE)  # a "wrong" solution that is accepted: the folder's tests are too weak
    report = problems_sync(root=tmp_path, sandbox_check=True)
    assert report.outcomes == {} and f"wrong/{wrong.name}" in " ".join(report.invalid["vector-norm"])
    assert not Problem.objects.filter(slug="vector-norm").exists()
    wrong.write_text("def row_norms(x):\n    return x.sum(axis=1)\n")
    assert problems_sync(root=tmp_path, sandbox_check=True).outcomes == {"vector-norm": "created"}
