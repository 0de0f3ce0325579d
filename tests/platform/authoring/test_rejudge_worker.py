"""A real Celery worker started on the rejudge queue only (as scripts/run.sh does) picks up the rejudges a
version change queued; a worker on the default grading queue is not needed for it."""
import shutil

import pytest
from django.conf import settings as django_settings

from mljudge.grading import services
from mljudge.grading.models import ReportHistory
from mljudge.grading.problems import problems_sync
from mljudge.problemset.models import Problem

from ..conftest import ROOT
from ..pipeline.workers import Worker, wait_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.docker, pytest.mark.services]
FIXTURE = ROOT / "tests" / "grader" / "fixtures" / "vector-norm"


def test_it_rejudges_in_a_worker_that_listens_only_on_the_rejudge_queue(tmp_path, settings, redis_url, docker_available,
                                                                        make_user, make_submission):
    import redis

    from mljudge.grading.sandboxes import sandbox_pool_close

    bank = tmp_path / "bank"
    shutil.copytree(FIXTURE, bank / "vector-norm")
    settings.MLJUDGE_PROBLEMS_DIR = bank
    rejudge_queue = django_settings.MLJUDGE_REJUDGE_QUEUE
    redis.Redis.from_url(redis_url).delete(rejudge_queue)
    problems_sync(root=bank)
    problem = Problem.objects.get(slug="vector-norm")
    submission = make_submission(make_user("ann"), problem, source=(FIXTURE / "reference.py").read_text())
    settings.MLJUDGE_SANDBOX = "docker"
    assert services.submission_grade(submission_id=submission.id) is services.Outcome.GRADED
    toml = bank / "vector-norm" / "problem.toml"
    toml.write_text(toml.read_text().replace("rtol = 1e-9", "rtol = 1e-8"))
    assert problems_sync(root=bank).rejudged == {"vector-norm": 1}
    sandbox_pool_close()
    worker = Worker(queue=rejudge_queue, redis_url=redis_url, log_dir=tmp_path, name="rejudge",
                    env={"MLJUDGE_PROBLEMS_DIR": str(bank)})
    try:
        wait_for(lambda: ReportHistory.objects.filter(submission=submission).exists(), timeout=90,
                 what="the rejudge", worker=worker)
    finally:
        worker.stop()
        redis.Redis.from_url(redis_url).delete(rejudge_queue)
    submission.refresh_from_db()
    problem.refresh_from_db()
    assert submission.problem_version_id == problem.current_version_id
