"""The grading pipeline end to end: a real Celery worker process on real Redis grading in Docker, against
the test database; then the same worker killed with SIGKILL mid-grade."""
from __future__ import annotations

import os
import signal
import time

import grader
import pytest
from django.urls import reverse

from mljudge.grading.reports import solver_report
from mljudge.problemset.models import Problem
from mljudge.submissions.models import Mode, Status, Submission, Verdict
from mljudge.submissions.services import submission_create

from ..conftest import PROBLEMS, kmeans_or_softmax
from .workers import wait_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.docker, pytest.mark.services]

SLUG = kmeans_or_softmax()
REFERENCE = (PROBLEMS / SLUG / "reference.py").read_text()
WRONG = sorted((PROBLEMS / SLUG / "wrong").glob("*.py"))[0].read_text()
# Sleeps while being imported, in each of its two sandboxes (public, hidden): a window to kill the worker in.
SLOW_REFERENCE = "import time as _t\n_t.sleep({delay})\n" + REFERENCE


def final(submission_id: int) -> Submission | None:
    s = Submission.objects.get(id=submission_id)
    return s if s.is_final else None


def test_it_grades_submissions_through_a_real_worker(start_worker, synced_problems, make_user, client):
    worker = start_worker()
    user = make_user()
    client.force_login(user)
    problem = Problem.objects.get(slug=SLUG)
    # Through the view, as a browser would: the row is written, then queued on commit.
    response = client.post(reverse("submissions:submit", args=[SLUG]), {"source": REFERENCE})
    accepted_id = int(response.url.rstrip("/").split("/")[-1])
    wrong = submission_create(user=user, problem=problem, source=WRONG, mode=Mode.SUBMIT)
    accepted = wait_for(lambda: final(accepted_id), timeout=90, what="the first verdict", worker=worker)
    wrong = wait_for(lambda: final(wrong.id), timeout=60, what="the second verdict", worker=worker)
    assert (accepted.status, accepted.verdict, accepted.attempts) == (Status.GRADED, Verdict.ACCEPTED, 1)
    assert accepted.report["sandbox"] == "docker-pool" and accepted.passed == accepted.total > 2
    assert wrong.status == Status.GRADED and wrong.verdict != Verdict.ACCEPTED
    # The stored report is the full one (instructors review hidden cases, issue 6); solvers see its solver view.
    hidden = [t for t in wrong.report["tests"] if t["visibility"] == "hidden"]
    assert hidden and all(t["input"] and t["expected"] for t in hidden)
    shown = [t for t in solver_report(wrong.report).tests if t.hidden]
    assert len(shown) == len(hidden) and all(isinstance(t, grader.HiddenTest) for t in shown)

    # A warm pool: submit → verdict latency with the worker already running.
    latencies = []
    for _ in range(3):
        s = submission_create(user=user, problem=problem, source=REFERENCE, mode=Mode.RUN)
        done = wait_for(lambda: final(s.id), timeout=60, what="a run's verdict", worker=worker, every=0.02)
        latencies.append((done.finished_at - done.created_at).total_seconds())
    print(f"\nsubmit→verdict latency (run, warm pool, {SLUG}): {', '.join(f'{x:.2f}s' for x in latencies)}")
    assert max(latencies) < 15


def test_it_regrades_exactly_once_when_the_grading_process_is_killed(start_worker, synced_problems, make_user):
    worker = start_worker(name="prefork")
    submission = submission_create(user=make_user(), problem=Problem.objects.get(slug=SLUG),
                                   source=SLOW_REFERENCE.format(delay=2), mode=Mode.SUBMIT)
    running = wait_for(lambda: Submission.objects.filter(id=submission.id, status=Status.RUNNING)
                       .exclude(claimed_by="").first(), timeout=90, what="the task to start", worker=worker)
    child_pid = int(running.claimed_by.split(":")[1])
    assert child_pid != worker.proc.pid
    time.sleep(0.5)
    os.kill(child_pid, signal.SIGKILL)   # the pool process dies mid-grade; the main worker process lives

    done = wait_for(lambda: final(submission.id), timeout=120, what="the re-delivered task", worker=worker)
    assert (done.status, done.verdict, done.attempts) == (Status.GRADED, Verdict.ACCEPTED, 2)
    assert int(done.claimed_by.split(":")[1]) != child_pid
    assert "WorkerLostError" in worker.output() or "Worker exited prematurely" in worker.output()
    # Exactly once: nothing re-grades or rewrites it afterwards.
    finished_at = done.finished_at
    time.sleep(2)
    again = Submission.objects.get(id=submission.id)
    assert (again.finished_at, again.attempts, again.status) == (finished_at, 2, Status.GRADED)


def test_it_recovers_through_the_sweeper_when_a_whole_worker_host_dies(start_worker, synced_problems, make_user):
    # The solo pool grades in the main process: killing it loses the message until Redis's visibility
    # timeout (set far away here), so only the sweeper can bring the submission back. The row is then made
    # to look held by another host, whose processes this host can never prove dead: only the silence bound
    # (MLJUDGE_STUCK_AFTER_S of heartbeat silence, the database's clock) may take it over.
    env = {"MLJUDGE_VISIBILITY_TIMEOUT_S": "3600", "MLJUDGE_STUCK_AFTER_S": "8", "MLJUDGE_SWEEP_EVERY_S": "1"}
    first = start_worker(name="doomed", pool="solo", env=env)
    submission = submission_create(user=make_user(), problem=Problem.objects.get(slug=SLUG),
                                   source=SLOW_REFERENCE.format(delay=1.5), mode=Mode.SUBMIT)
    wait_for(lambda: Submission.objects.filter(id=submission.id, status=Status.RUNNING).exists(), timeout=90,
             what="the task to start", worker=first)
    first.kill()
    host, _, rest = Submission.objects.get(id=submission.id).claimed_by.partition(":")
    Submission.objects.filter(id=submission.id).update(claimed_by=f"another-{host}:{rest}")
    killed_at = time.monotonic()

    start_worker(name="rescuer", env=env)
    sweeper = start_worker(name="sweeper", sweeper=True, beat=True, env=env)
    done = wait_for(lambda: final(submission.id), timeout=120, what="the sweeper to re-queue", worker=sweeper)
    assert (done.status, done.verdict, done.attempts) == (Status.GRADED, Verdict.ACCEPTED, 2)
    assert "sweeper: re-queued" in sweeper.output()
    recovered = time.monotonic() - killed_at
    print(f"\nanother host's dead worker: graded again {recovered:.1f}s after the kill (silence bound 8s)")
    assert recovered < 60
