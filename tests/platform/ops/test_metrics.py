"""/metrics, /readyz and the System page after a real grade: a Celery worker process on real Redis grading in
Docker, read back over HTTP as Prometheus (or curl) would."""
from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse
from prometheus_client.parser import text_string_to_metric_families

from mljudge.ops.models import WorkerBeat
from mljudge.submissions.models import Status, Submission, Verdict

from ..conftest import PROBLEMS, kmeans_or_softmax
from ..pipeline.workers import wait_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.docker, pytest.mark.services]
SLUG = kmeans_or_softmax()
REFERENCE = (PROBLEMS / SLUG / "reference.py").read_text()


def samples(text: str) -> dict[tuple, float]:
    """{(sample name, (label, value) pairs...): value} of a Prometheus text exposition (strictly parsed)."""
    return {(s.name, *sorted(s.labels.items())): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def value(series: dict, name: str, **labels) -> float | None:
    wanted = set(labels.items())
    found = [v for (n, *pairs), v in series.items() if n == name and wanted <= set(pairs)]
    return sum(found) if found else None


def beating(queue: str) -> bool:
    return any(queue in beat.queues for beat in WorkerBeat.objects.all())


def test_it_exports_the_series_after_a_graded_submission(start_worker, synced_problems, make_user, client, queue,
                                                         settings):
    worker = start_worker(env={"MLJUDGE_LOG_FORMAT": "json", "MLJUDGE_WORKER_BEAT_S": "1"})
    wait_for(lambda: beating(queue), timeout=60,
             what="the worker's first heartbeat", worker=worker)
    client.force_login(make_user())
    response = client.post(reverse("submissions:submit", args=[SLUG]), {"source": REFERENCE})
    submission_id = int(response.url.rstrip("/").split("/")[-1])
    done = wait_for(lambda: Submission.objects.filter(id=submission_id, status=Status.GRADED).first(), timeout=120,
                    what="the verdict", worker=worker)
    assert done.verdict == Verdict.ACCEPTED

    scraped = client.get("/metrics")   # the test client comes from 127.0.0.1 and no token is set: allowed
    assert scraped.status_code == 200 and scraped["Content-Type"].startswith("text/plain; version=")
    series = samples(scraped.content.decode())
    assert value(series, "mljudge_submissions", status="graded", verdict="accepted", mode="submit") == 1
    assert value(series, "mljudge_queue_depth", queue=queue) == 0
    assert value(series, "mljudge_queue_wait_seconds_gcount") == 1
    assert value(series, "mljudge_grade_duration_seconds_gcount") == 1
    assert value(series, "mljudge_grade_duration_seconds_bucket", le="+Inf") == 1
    assert value(series, "mljudge_workers_live") >= 1
    beats = [v for (n, *pairs), v in series.items() if n == "mljudge_worker_last_beat_seconds"]
    assert beats and min(beats) < 10
    # Recorded by the worker process (multiprocess files on this host), merged into the same scrape.
    assert value(series, "mljudge_sandbox_start_seconds_count", runtime="numpy") >= 1
    assert value(series, "mljudge_sandbox_pool_acquires_total", runtime="numpy") >= 2   # public and hidden
    assert value(series, "mljudge_sandbox_pool_misses_total", runtime="numpy") is not None
    assert value(series, "mljudge_sandbox_pool_size", runtime="numpy") >= settings.MLJUDGE_SANDBOX_POOL_SIZE
    assert value(series, "mljudge_task_seconds_count", task="mljudge.grading.tasks.grade_submission",
                 state="SUCCESS") >= 1

    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json() == {
        "ready": True, "checks": {"database": "ok", "broker": "ok", "workers": "ok"}}

    # The task's and the sandbox's log records carry the submission id (JSON lines, MLJUDGE_LOG_FORMAT=json).
    lines = [json.loads(line) for line in worker.output().splitlines() if line.startswith("{")]
    about = [line for line in lines if line.get("submission_id") == submission_id]
    assert {line["logger"] for line in about} >= {"mljudge.ops", "mljudge.grading.sandbox"}, lines[-10:]

    # A clean shutdown removes the worker's heartbeat row (a dead worker's would stay, ageing).
    worker.stop()
    assert not beating(queue)


def test_the_system_page_shows_the_same_figures_to_staff_only(client, make_user, make_submission, make_problem):
    problem = make_problem()
    make_submission(make_user(), problem, status=Status.GRADED, verdict=Verdict.ACCEPTED)
    client.force_login(make_user())
    assert client.get(reverse("ops:system")).status_code == 302   # to the admin login
    client.force_login(make_user(staff=True))
    page = client.get(reverse("ops:system"))
    body = page.content.decode()
    assert page.status_code == 200 and 'data-chart="chart-durations"' in body
    assert re.search(r"<td>Graded</td><td>Accepted</td><td>1</td>", body)
    assert 'data-testid="workers"' in body and 'data-testid="readiness"' in body


def test_metrics_need_the_token_when_one_is_set(client, settings, make_user):
    settings.MLJUDGE_METRICS_TOKEN = "s3cret-metrics-token"
    assert client.get("/metrics").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-metrics-token").status_code == 200
    settings.MLJUDGE_METRICS_TOKEN = ""
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 403   # not loopback
    settings.MLJUDGE_PROXY_HOPS = 1
    assert client.get("/metrics").status_code == 403   # behind a proxy, loopback means nothing


def test_healthz_answers_without_touching_anything(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"ok\n")
