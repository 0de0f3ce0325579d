"""A real Celery worker started on the rejudge queue only (as scripts/run.sh does) picks up the rejudges a
version change queued; a worker on the default grading queue is not needed for it. Two workers handed the same
rejudge twice run it once."""
import re

import pytest
from django.conf import settings as django_settings

from mljudge.grading.models import ReportHistory

from ..pipeline.workers import Worker, wait_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.docker, pytest.mark.services]
TASK_DONE = re.compile(r"rejudge_submission\[[^\]]+\] succeeded in [\d.]+s: (.*)")


def test_it_rejudges_in_a_worker_that_listens_only_on_the_rejudge_queue(tmp_path, redis_url, rejudge_pending):
    submission, bank = rejudge_pending
    worker = Worker(queue=django_settings.MLJUDGE_REJUDGE_QUEUE, redis_url=redis_url, log_dir=tmp_path,
                    name="rejudge", env={"MLJUDGE_PROBLEMS_DIR": str(bank)})
    try:
        wait_for(lambda: ReportHistory.objects.filter(submission=submission).exists(), timeout=90,
                 what="the rejudge", worker=worker)
    finally:
        worker.stop()
    submission.refresh_from_db()
    assert submission.problem_version_id == submission.problem.current_version_id


def test_it_grades_once_when_two_workers_get_the_same_rejudge_twice(tmp_path, redis_url, rejudge_pending):
    from mljudge.grading.tasks import rejudge_submission

    submission, bank = rejudge_pending
    rejudge_submission.delay(submission.id)   # the duplicate: two messages for one rejudge
    workers = [Worker(queue=django_settings.MLJUDGE_REJUDGE_QUEUE, redis_url=redis_url, log_dir=tmp_path,
                      name=f"rejudge{n}", env={"MLJUDGE_PROBLEMS_DIR": str(bank)}) for n in (1, 2)]

    def outcomes() -> list[str]:
        return [m for w in workers for m in TASK_DONE.findall(w.output())]

    try:
        wait_for(lambda: len(outcomes()) == 2, timeout=120, what="both deliveries", worker=workers[0])
    finally:
        for worker in workers:
            worker.stop()
    # One delivery graded; the other found the row claimed or already rejudged, and ran no sandbox.
    assert sorted(outcomes()) == ["'graded'", "'not_claimed'"], outcomes()
    assert ReportHistory.objects.filter(submission=submission).count() == 1
    submission.refresh_from_db()
    assert submission.problem_version_id == submission.problem.current_version_id
