"""A real Celery worker that listens only on the rejudge queue (as scripts/run.sh starts it) runs the sync an
author queued on the page, sandbox check included; the web process (this one) never builds a sandbox."""
import grader
import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from mljudge.authoring.models import SyncRun, SyncStatus
from mljudge.grading.sandboxes import sandbox_pool_close

from ..pipeline.workers import Worker, wait_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.docker, pytest.mark.services]


def no_sandbox(*args, **kwargs):
    raise AssertionError("a sandbox was built in the web process")


def test_it_runs_a_checked_sync_in_a_worker_on_the_rejudge_queue(
        client, bank, make_user, tmp_path_factory, redis_url, docker_available, rejudge_queue_redis, monkeypatch):
    sandbox_pool_close()
    monkeypatch.setattr(grader, "make_sandbox", no_sandbox)
    monkeypatch.setattr(grader, "SandboxPool", no_sandbox)
    client.force_login(make_user("root", staff=True))   # a transactional test: the migrations' groups are flushed
    page = client.post(reverse("authoring:sync"), {"check": "1"}, follow=True).content.decode()
    assert 'hx-trigger="every 1s"' in page
    run = SyncRun.objects.get()
    worker = Worker(queue=django_settings.MLJUDGE_REJUDGE_QUEUE, redis_url=redis_url, name="sync",
                    log_dir=tmp_path_factory.mktemp("sync-worker"), env={"MLJUDGE_PROBLEMS_DIR": str(bank)})
    try:
        wait_for(lambda: SyncRun.objects.filter(id=run.id, status__in=[SyncStatus.DONE, SyncStatus.FAILED]).exists(),
                 timeout=120, what="the sync run", worker=worker)
    finally:
        worker.stop()
    run.refresh_from_db()
    assert run.status == SyncStatus.DONE, run.error
    assert run.report["outcomes"] == {"vector-norm": "created"} and run.report["invalid"] == {}
    assert run.report["checks"]["vector-norm"] and all(r["ok"] for r in run.report["checks"]["vector-norm"])
    html = client.get(reverse("authoring:sync_run_status", args=[run.id])).content.decode()
    assert 'hx-trigger' not in html and "reference.py" in html
