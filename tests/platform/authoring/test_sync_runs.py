"""A problem sync is a SyncRun row and a task on the rejudge queue: the authors' POST only queues it, a
worker claims it (queued → running, once), syncs (with the sandbox check when asked) and stores the report;
the run's page polls a fragment until the run is done or failed. One active run per site; a run that shows
no sign of life is failed, never left running forever."""
import json
import re
from datetime import timedelta
from io import StringIO

import grader
import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from mljudge.authoring import services
from mljudge.authoring.models import SyncRun, SyncStatus
from mljudge.authoring.tasks import sync_run_task, sync_runs_sweep
from mljudge.grading.sandboxes import sandbox_pool_close
from mljudge.problemset.models import Problem

pytestmark = pytest.mark.django_db

POLL = 'hx-trigger="every 1s"'


def no_sandbox(*args, **kwargs):
    raise AssertionError("a sandbox was built in the web process")


def test_it_queues_a_checked_sync_on_the_rejudge_queue_without_building_a_sandbox_then_a_worker_runs_it(
        client, bank, author, settings, monkeypatch, rejudge_queue_redis, docker_available,
        django_capture_on_commit_callbacks):
    sandbox_pool_close()   # no pool left over from another test: the web request would have to build one
    monkeypatch.setattr(grader, "make_sandbox", no_sandbox)
    monkeypatch.setattr(grader, "SandboxPool", no_sandbox)
    client.force_login(author)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("authoring:sync"), {"check": "1"})
    run = SyncRun.objects.get()
    assert response.status_code == 302 and response.url == reverse("authoring:sync_run", args=[run.id])
    assert (run.status, run.sandbox_check, run.requested_by, run.report) == (SyncStatus.QUEUED, True, author, None)
    assert not Problem.objects.exists()
    assert rejudge_queue_redis.llen(settings.CELERY_TASK_DEFAULT_QUEUE) == 0   # never ahead of new submissions
    (message,) = rejudge_queue_redis.lrange(settings.MLJUDGE_REJUDGE_QUEUE, 0, -1)
    message = json.loads(message)
    assert message["headers"]["task"] == sync_run_task.name and message["headers"]["argsrepr"] == f"({run.id},)"
    html = client.get(response.url).content.decode()
    assert POLL in html and 'data-status="queued"' in html

    # The worker (here in-process, with the real Docker sandbox) claims it, checks and stores the report.
    monkeypatch.undo()
    settings.MLJUDGE_SANDBOX = "docker"
    try:
        sync_run_task(run.id)
        sync_run_task(run.id)   # a re-delivered message finds the run claimed and does nothing
    finally:
        sandbox_pool_close()
    run.refresh_from_db()
    assert run.status == SyncStatus.DONE and run.started_at <= run.finished_at and run.error == ""
    assert run.report["outcomes"] == {"vector-norm": "created"} and run.report["invalid"] == {}
    rows = run.report["checks"]["vector-norm"]
    assert {"reference.py", "starter.py"} <= {r["item"] for r in rows} and all(r["ok"] for r in rows)
    html = client.get(reverse("authoring:sync_run_status", args=[run.id])).content.decode()
    assert POLL not in html and 'data-status="done"' in html and 'data-testid="checks"' in html
    assert "created" in html and "reference.py" in html


def test_it_shows_the_active_run_instead_of_starting_a_second(client, bank, author):
    client.force_login(author)
    first = client.post(reverse("authoring:sync"))
    second = client.post(reverse("authoring:sync"), {"check": "1"}, follow=True)
    (run,) = SyncRun.objects.all()
    assert second.redirect_chain == [(first.url, 302)] and not run.sandbox_check
    assert f"Sync #{run.id} is still queued" in second.content.decode()
    with pytest.raises(IntegrityError), transaction.atomic():   # the database enforces it, not only the view
        SyncRun.objects.create(root=str(bank), status=SyncStatus.RUNNING)
    assert services.sync_run_execute(run_id=run.id).status == SyncStatus.DONE
    assert client.post(reverse("authoring:sync")).url != first.url   # finished: a new run may start


def test_it_fails_a_run_whose_sync_crashes_and_stops_polling(client, bank, author, monkeypatch):
    def crash(**kwargs):
        kwargs["on_folder"](1, 2, "vector-norm")
        raise grader.SandboxError("Docker is not running")

    monkeypatch.setattr(services, "problems_sync", crash)
    run, created = services.sync_run_request(user=author, root=bank, sandbox_check=True)
    assert created and services.sync_run_execute(run_id=run.id).status == SyncStatus.FAILED
    client.force_login(author)
    html = client.get(reverse("authoring:sync_run_status", args=[run.id])).content.decode()
    assert POLL not in html and "SandboxError: Docker is not running" in html and "vector-norm (1/2)" in html


def test_it_fails_runs_with_no_sign_of_life_so_a_new_one_can_start(bank, author, settings):
    settings.MLJUDGE_SYNC_STALE_AFTER_S = 600
    run, _ = services.sync_run_request(user=author, root=bank)
    lately, long_ago = (timezone.now() - timedelta(seconds=s) for s in (590, 601))
    SyncRun.objects.filter(id=run.id).update(status=SyncStatus.RUNNING, started_at=long_ago, progress_at=lately)
    assert services.sync_run_request(user=author, root=bank) == (SyncRun.objects.get(id=run.id), False)
    SyncRun.objects.filter(id=run.id).update(progress_at=long_ago)
    assert sync_runs_sweep.name in {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert sync_runs_sweep() == 1
    run.refresh_from_db()
    assert run.status == SyncStatus.FAILED and "no progress for 10 minute(s)" in run.error
    assert services.sync_run_execute(run_id=run.id) is None   # a late re-delivery cannot revive it
    queued, created = services.sync_run_request(user=author, root=bank)
    assert created
    SyncRun.objects.filter(id=queued.id).update(requested_at=long_ago)
    assert services.sync_run_request(user=author, root=bank)[1]   # the stale queued one failed first
    queued.refresh_from_db()
    assert queued.status == SyncStatus.FAILED and "is the rejudge worker running?" in queued.error


def test_it_syncs_only_the_chosen_folders_and_lists_the_history(client, bank, author, tmp_path):
    (bank / "other").mkdir()
    client.force_login(author)
    page = client.get(reverse("authoring:sync")).content.decode()
    assert '<option value="vector-norm">' in page and '<option value="other">' in page
    client.post(reverse("authoring:sync"), {"folder": ["vector-norm", "../../etc"]})
    run = SyncRun.objects.get()
    assert run.folders == ["../../etc", "vector-norm"]
    services.sync_run_execute(run_id=run.id)
    run.refresh_from_db()
    assert run.report["outcomes"] == {"vector-norm": "created"}
    assert run.report["invalid"] == {"../../etc": ["no such problem folder"]}   # names, never paths
    call_command("sync_problems", str(bank / "vector-norm"), stdout=StringIO(), stderr=StringIO())
    history = client.get(reverse("authoring:sync")).content.decode()
    assert len(re.findall(r'href="/authoring/sync/\d+/"', history)) == 2 and "command line" in history
    assert "1 loaded, 1 invalid" in history


def test_it_refuses_a_command_line_sync_while_a_run_is_active(bank, author):
    run, _ = services.sync_run_request(user=author, root=bank)
    with pytest.raises(CommandError, match=f"sync #{run.id} is queued"):
        call_command("sync_problems", str(bank), stdout=StringIO(), stderr=StringIO())
    assert not Problem.objects.exists()
