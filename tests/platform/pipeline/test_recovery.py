"""Recovery without waiting (issue 15), against the real PostgreSQL, Redis and Celery workers grading in Docker:
the sweeper on its own queue whatever the backlog, re-sending only what the broker lost; a restarted worker
taking its dead predecessor's rows back at once, without losing their place in line; the database's clock
deciding takeovers; a database outage retried, a broker outage reported as a delay, a cache outage served
uncached."""
from __future__ import annotations

import socket
import subprocess
import threading
import time
from datetime import timedelta
from unittest import mock

import grader
import pytest
import redis
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone

from mljudge.config import celery_app
from mljudge.grading import services, states, tasks
from mljudge.grading.queue import queued_in_fair_order
from mljudge.problemset.models import Problem
from mljudge.submissions.models import Mode, Status, Submission, Verdict
from mljudge.submissions.services import submission_create

from ..conftest import PROBLEMS, kmeans_or_softmax
from .workers import sweep_queue, wait_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.services]

SLUG = kmeans_or_softmax()
REFERENCE = (PROBLEMS / SLUG / "reference.py").read_text()
SLOW_REFERENCE = "import time as _t\n_t.sleep({delay})\n" + REFERENCE
LONG_AGO = timedelta(minutes=5)


def final(submission_id: int) -> Submission | None:
    s = Submission.objects.get(id=submission_id)
    return s if s.is_final else None


def dead_identity() -> str:
    """The identity of a process of this host that has just died."""
    proc = subprocess.Popen(["sleep", "30"])
    identity = grader.process_identity(proc.pid)
    proc.kill()
    proc.wait()
    assert grader.provably_dead(identity)
    return identity


@pytest.fixture
def many_in_flight(settings):
    settings.MLJUDGE_MAX_IN_FLIGHT = 1000


@pytest.fixture
def blackhole():
    """A TCP port that accepts connections and never answers: a hung Redis."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    held, stop = [], threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"redis://127.0.0.1:{server.getsockname()[1]}/0"
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


def llen(redis_url: str, name: str) -> int:
    return redis.Redis.from_url(redis_url).llen(name)


# --- the sweeper -----------------------------------------------------------------------------------------

def test_it_resends_only_what_the_broker_lost(queue, redis_url, synced_problems, make_user, many_in_flight):
    user, problem = make_user(), Problem.objects.get(slug=SLUG)
    rows = [submission_create(user=user, problem=problem, source=REFERENCE, mode=Mode.SUBMIT) for _ in range(30)]
    assert llen(redis_url, queue) == 30   # no worker: a backlog of 30 messages
    # Waiting behind a backlog is not lost: nothing is re-sent, however often the sweeper looks.
    for _ in range(3):
        assert services.stuck_submissions_sweep().resent == []
    assert llen(redis_url, queue) == 30
    # Redis restarted without persistence: every message is gone; the next sweep sends each row one again.
    redis.Redis.from_url(redis_url).delete(queue)
    assert sorted(services.stuck_submissions_sweep().resent) == sorted(r.id for r in rows)
    assert llen(redis_url, queue) == 30
    assert services.stuck_submissions_sweep().resent == []
    assert set(Submission.objects.filter(id__in=[r.id for r in rows]).values_list("sends", flat=True)) == {2}
    # Part of them lost: exactly the missing count is re-sent, least recently sent first.
    redis.Redis.from_url(redis_url).ltrim(queue, 0, 19)
    assert len(services.stuck_submissions_sweep().resent) == 10
    assert llen(redis_url, queue) == 30


def test_a_retry_held_by_a_worker_is_not_resent(queue, redis_url, synced_problems, make_user, many_in_flight):
    """A retry waiting out its countdown (a transient sandbox error, a hand-back) is a message a worker holds
    unacknowledged with an ETA, not one in the list: the sweeper must not take its row for lost, or every sweep
    would start another retry chain. A held message with no ETA to come (a killed worker's) does not count: it
    would come back only after the visibility timeout."""
    import json
    from datetime import datetime, timedelta, timezone

    client = redis.Redis.from_url(redis_url)
    row = submission_create(user=make_user(), problem=Problem.objects.get(slug=SLUG), source=REFERENCE,
                            mode=Mode.SUBMIT)
    message = json.loads(client.lpop(queue))   # a worker took it and holds it (kombu: the "unacked" hash)

    def hold(eta):
        message.setdefault("headers", {})["eta"] = eta and eta.isoformat()
        client.hset("unacked", "tag-1", json.dumps([message, "", queue]))

    try:
        hold(datetime.now(timezone.utc) + timedelta(seconds=30))   # a retry counting down
        for _ in range(3):
            assert services.stuck_submissions_sweep().resent == []
        assert llen(redis_url, queue) == 0
        hold(None)   # held without a countdown by a worker that was killed: lost for the visibility timeout
        assert services.stuck_submissions_sweep().resent == [row.id]
    finally:
        client.hdel("unacked", "tag-1")


def test_the_sweeper_runs_on_its_own_worker_behind_a_backlog(start_worker, queue, redis_url, synced_problems,
                                                            make_user, make_submission, many_in_flight):
    user, problem = make_user(), Problem.objects.get(slug=SLUG)
    backlog = [submission_create(user=user, problem=problem, source=REFERENCE, mode=Mode.SUBMIT) for _ in range(40)]
    silent = make_submission(user, problem, status=Status.RUNNING, attempts=1, claimed_by="gone-host:1:1",
                             started_at=timezone.now() - LONG_AGO, heartbeat_at=timezone.now() - LONG_AGO)
    # No grading worker at all: the grading queue only grows. The sweeper still runs, every second.
    sweeper = start_worker(name="sweeper", sweeper=True, beat=True,
                           env={"MLJUDGE_SWEEP_EVERY_S": "1", "MLJUDGE_STUCK_AFTER_S": "8"})
    wait_for(lambda: Submission.objects.filter(id=silent.id, status=Status.QUEUED).exists(), timeout=60,
             what="the sweeper to re-queue the silent row", worker=sweeper)
    time.sleep(4)  # a few more sweeps
    assert sweeper.output().count("succeeded") >= 3
    assert llen(redis_url, queue) == 41 and llen(redis_url, sweep_queue(queue)) == 0
    assert set(Submission.objects.filter(id__in=[r.id for r in backlog]).values_list("sends", flat=True)) == {1}


# --- worker start-up and fair order ----------------------------------------------------------------------

def test_a_restarted_worker_takes_back_its_dead_predecessors_rows_at_once(start_worker, synced_problems,
                                                                          make_user, make_submission):
    # Beating a moment ago and the silence bound far away: only the start-up release can free it.
    orphan = make_submission(make_user(), Problem.objects.get(slug=SLUG), source=REFERENCE, status=Status.RUNNING,
                             attempts=1, claimed_by=dead_identity(), started_at=timezone.now(),
                             heartbeat_at=timezone.now())
    started = time.monotonic()
    worker = start_worker(env={"MLJUDGE_STUCK_AFTER_S": "3600"})
    done = wait_for(lambda: final(orphan.id), timeout=90, what="the orphan to be graded", worker=worker)
    assert (done.status, done.verdict, done.attempts) == (Status.GRADED, Verdict.ACCEPTED, 2)
    assert "worker start-up: released" in worker.output()
    print(f"\nrow of a dead worker graded {time.monotonic() - started:.1f}s after the new worker started")


def test_a_row_released_after_a_machine_fault_keeps_its_users_place(make_user, make_problem, make_submission):
    problem, a, b = make_problem(), make_user(), make_user()
    now = timezone.now()
    make_submission(a, problem, status=Status.GRADED, started_at=now - timedelta(minutes=20))
    make_submission(b, problem, status=Status.GRADED, started_at=now - timedelta(minutes=10))
    b_next = make_submission(b, problem)
    a_row = make_submission(a, problem)
    claim = states.submission_claim(submission_id=a_row.id)
    Submission.objects.filter(id=a_row.id).update(claimed_by=dead_identity())
    assert states.submissions_release_dead(host=socket.gethostname()) == [a_row.id]
    # A was served longest ago before the fault took its grade: A is still first, not behind B.
    assert list(queued_in_fair_order().values_list("id", flat=True)) == [a_row.id, b_next.id]
    assert claim is not None  # (the claim the dead process held is void: its token moved on)


# --- the database's clock ----------------------------------------------------------------------------------

def test_a_sweeper_whose_clock_runs_300s_ahead_does_not_preempt_a_live_grade(start_worker, synced_problems,
                                                                            make_user, monkeypatch):
    worker = start_worker()
    submission = submission_create(user=make_user(), problem=Problem.objects.get(slug=SLUG),
                                   source=SLOW_REFERENCE.format(delay=3), mode=Mode.SUBMIT)
    wait_for(lambda: Submission.objects.filter(id=submission.id, status=Status.RUNNING).exists(), timeout=90,
             what="the grade to start", worker=worker)
    # This process's clocks run 300 s ahead (well past MLJUDGE_STUCK_AFTER_S); the database's does not.
    ahead = timezone.now() + timedelta(seconds=300)
    monkeypatch.setattr(timezone, "now", lambda: ahead)
    monkeypatch.setattr(time, "time", lambda: ahead.timestamp())
    with mock.patch.object(services, "_send") as send:
        result = services.stuck_submissions_sweep()
        assert states.submission_claim(submission_id=submission.id) is None
    assert result.requeued == [] and result.failed == [] and not send.called
    monkeypatch.undo()
    done = wait_for(lambda: final(submission.id), timeout=90, what="the verdict", worker=worker)
    assert (done.status, done.verdict, done.attempts) == (Status.GRADED, Verdict.ACCEPTED, 1)


# --- outages -------------------------------------------------------------------------------------------------

def test_a_grade_that_cannot_reach_the_database_is_retried_not_dropped(settings):
    settings.MLJUDGE_RETRY_BACKOFF_S = 0
    with mock.patch.object(services, "submission_grade", side_effect=OperationalError("server closed")), \
            mock.patch.object(tasks.grade_submission, "retry", side_effect=RuntimeError("retry")) as retry:
        with pytest.raises(RuntimeError, match="retry"):
            tasks.grade_submission.run(12345)
    assert retry.call_count == 1 and isinstance(retry.call_args.kwargs["exc"], OperationalError)


@pytest.fixture
def broker_at(redis_url):
    """Points this process's Celery publisher at another broker for the block."""
    def point(url: str) -> None:
        celery_app._pool = celery_app.amqp._producer_pool = None
        celery_app.conf.broker_url = celery_app.conf.broker_write_url = url

    yield point
    point(redis_url)


def test_a_submit_while_the_broker_hangs_is_saved_and_reported_delayed(broker_at, blackhole, client, redis_url,
                                                                       queue, synced_problems, solver):
    broker_at(blackhole)
    started = time.monotonic()
    response = client.post(reverse("submissions:submit", args=[SLUG]), {"source": REFERENCE})
    took = time.monotonic() - started
    assert response.status_code == 302, response.content[:500]
    submission = Submission.objects.get(user=solver)
    assert (submission.status, submission.sent_at, submission.sends) == (Status.QUEUED, None, 0)
    page = client.get(response.url).content.decode()
    assert "Grading is delayed: the queue is unreachable; your submission is saved and will be graded." in page
    print(f"\nsubmit with a hung broker answered in {took:.1f}s")
    assert took < 15
    # The broker is back: the next sweep sends it.
    broker_at(redis_url)
    assert services.stuck_submissions_sweep().resent == [submission.id]
    assert llen(redis_url, queue) == 1
    assert "Waiting for a grader" in client.get(response.url).content.decode()


def test_pages_that_use_the_cache_keep_working_while_redis_hangs(blackhole, client, settings, synced_problems,
                                                                 solver):
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": blackhole}}
    settings.RATELIMIT_ENABLE = True
    started = time.monotonic()
    for url in (reverse("leaderboards:global"), reverse("leaderboards:problem", args=[SLUG]),
                reverse("leaderboards:global")):
        assert client.get(url).status_code == 200
    took = time.monotonic() - started
    print(f"\nthree leaderboard pages with a hung cache: {took:.1f}s")
    assert took < 3 * settings.MLJUDGE_REDIS_TIMEOUT_S + 2
