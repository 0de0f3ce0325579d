"""/readyz goes unready, naming the part, when the broker or the database is unreachable (settings pointed at a
closed port), or when no worker on the grading queue has beat recently."""
from __future__ import annotations

import json

import pytest
from django.utils import timezone

from mljudge.ops.models import WorkerBeat

from ..live import free_port

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.services]


@pytest.fixture
def live_worker(settings):
    return WorkerBeat.objects.create(name="grading@h1", host="h1", pid=1, queues=[settings.CELERY_TASK_DEFAULT_QUEUE],
                                     started_at=timezone.now(), beat_at=timezone.now())


def test_it_is_ready_with_a_database_a_broker_and_a_live_worker(client, live_worker, redis_url):
    response = client.get("/readyz")
    assert response.status_code == 200 and response.json()["ready"] is True


def test_it_is_unready_when_the_broker_is_unreachable(client, settings, live_worker):
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{free_port()}/0"
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["broker"].startswith("unreachable")
    assert response.json()["checks"]["database"] == "ok" and response.json()["checks"]["workers"] == "ok"


def test_it_is_unready_when_no_worker_beat_recently(client, settings, live_worker):
    WorkerBeat.objects.update(beat_at=timezone.now() - timezone.timedelta(seconds=settings.MLJUDGE_WORKER_LIVE_S + 1))
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json()["checks"]["workers"].startswith("no worker")


def test_it_is_unready_when_the_database_is_unreachable(gunicorn):
    server = gunicorn(DATABASE_URL=f"postgres://mljudge:x@127.0.0.1:{free_port()}/nowhere")
    status, _, body = server.request(b"GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    checks = json.loads(body)["checks"]
    assert status == 503 and checks["database"].startswith("unreachable") and checks["broker"] == "ok"
    # The process itself is up: /healthz needs nothing.
    assert server.request(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")[0] == 200
