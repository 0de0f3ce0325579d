"""Fixtures of the authoring tests: a problem bank of one folder, an author, the rejudge queue (where problem
syncs and rejudges are queued) emptied before and after, a submission waiting for a rejudge, and a sandbox that
counts (and can hold) the grades run in it."""
from __future__ import annotations

import shutil
import threading
from unittest import mock

import grader
import pytest
from django.utils import timezone

from ...grader.conftest import to_bank_standard
from ..conftest import PROBLEMS, ROOT

SOFTMAX_REFERENCE = (PROBLEMS / "softmax" / "reference.py").read_text()


class CountingSandbox:
    """The local pool, recording which threads graded in it; the first run waits for `hold` (if given), so that
    a second delivery can arrive while the first is inside the sandbox. With `error`, every run raises it."""

    def __init__(self, inner, *, hold: threading.Event | None = None, error: Exception | None = None):
        self.inner, self.hold, self.error = inner, hold, error
        self.name = inner.name
        self.graders: set[int] = set()   # threads that ran the sandbox
        self.runs = 0
        self.inside = threading.Event()   # the first run has started
        self._lock = threading.Lock()

    def run(self, **kw):
        with self._lock:
            self.runs += 1
            first = self.runs == 1
            self.graders.add(threading.get_ident())
        if first and self.hold is not None:
            self.inside.set()
            assert self.hold.wait(60), "the test never let the first grade go on"
        if self.error is not None:
            raise self.error
        return self.inner.run(**kw)


@pytest.fixture
def counting_sandbox(local_pool):
    """counting_sandbox(hold=None, error=None): rejudges run in a CountingSandbox around the local pool (the
    latest one made)."""
    from mljudge.grading import rejudge

    patches = []

    def make(*, hold: threading.Event | None = None, error: Exception | None = None) -> CountingSandbox:
        sandbox = CountingSandbox(local_pool, hold=hold, error=error)
        patch = mock.patch.object(rejudge, "sandbox_pool", return_value=sandbox)
        patch.start()
        patches.append(patch)
        return sandbox

    yield make
    for patch in reversed(patches):   # each restores what the one before it put in place
        patch.stop()


@pytest.fixture
def rejudgeable(synced_problems, make_user, make_submission):
    """The softmax reference, graded wrong_answer on version 1; the problem has since moved to version 2, so a
    rejudge grades it again (accepted) and keeps the old report."""
    from mljudge.problemset.models import Problem, ProblemVersion
    from mljudge.submissions.models import Status, Verdict

    problem = Problem.objects.get(slug="softmax")
    v1 = problem.current_version
    old = grader.Report(problem="softmax", problem_version=v1.declared_version, verdict=grader.Verdict.WRONG_ANSWER,
                        score=0.0, passed=0, total=1)
    submission = make_submission(make_user("ann"), problem, source=SOFTMAX_REFERENCE, status=Status.GRADED,
                                 verdict=Verdict.WRONG_ANSWER, score=0.0, passed=0, total=1, report=old.to_dict(),
                                 attempts=1, finished_at=timezone.now())
    # The folder on disk is version 2 (a rejudge grades the version it names: grading.versions); version 1 was
    # another content.
    ProblemVersion.objects.filter(id=v1.id).update(content_hash="rejudge-test-v1")
    v2 = ProblemVersion.objects.create(problem=problem, number=v1.number + 1, declared_version=v1.declared_version,
                                       content_hash=v1.content_hash)
    Problem.objects.filter(id=problem.id).update(current_version=v2)
    return submission


@pytest.fixture
def rejudge_pending(tmp_path, settings, redis_url, docker_available, make_user, make_submission):
    """For a real worker: vector-norm's reference graded in Docker, then the checker tolerance (grading content)
    changed, so a rejudge sits on the (emptied) rejudge queue. Returns (submission, problems folder)."""
    import redis
    from django.conf import settings as django_settings

    from mljudge.grading import services
    from mljudge.grading.problems import problems_sync
    from mljudge.grading.sandboxes import sandbox_pool_close
    from mljudge.problemset.models import Problem

    fixture = ROOT / "tests" / "grader" / "fixtures" / "vector-norm"
    bank = tmp_path / "bank"
    shutil.copytree(fixture, bank / "vector-norm")
    settings.MLJUDGE_PROBLEMS_DIR = bank
    client = redis.Redis.from_url(redis_url)
    client.delete(django_settings.MLJUDGE_REJUDGE_QUEUE)
    problems_sync(root=bank)
    problem = Problem.objects.get(slug="vector-norm")
    submission = make_submission(make_user("ann"), problem, source=(fixture / "reference.py").read_text())
    settings.MLJUDGE_SANDBOX = "docker"
    assert services.submission_grade(submission_id=submission.id) is services.Outcome.GRADED
    toml = bank / "vector-norm" / "problem.toml"
    toml.write_text(toml.read_text().replace("rtol = 1e-9", "rtol = 1e-8"))
    assert problems_sync(root=bank).rejudged == {"vector-norm": 1}
    sandbox_pool_close()
    yield submission, bank
    client.delete(django_settings.MLJUDGE_REJUDGE_QUEUE)


FIXTURE = ROOT / "tests" / "grader" / "fixtures" / "vector-norm"


@pytest.fixture
def bank(tmp_path, settings):
    """The vector-norm fixture, raised to the bank's standard (grader check's rules) for checked syncs."""
    to_bank_standard(shutil.copytree(FIXTURE, tmp_path / "vector-norm"))
    settings.MLJUDGE_PROBLEMS_DIR = tmp_path
    return tmp_path


@pytest.fixture
def author(make_user):
    from django.contrib.auth.models import Group

    user = make_user("auth")
    user.groups.add(Group.objects.get(name="author"))
    return user


@pytest.fixture
def rejudge_queue_redis(redis_url):
    """The Redis list behind settings.MLJUDGE_REJUDGE_QUEUE (this test run's own), empty at both ends."""
    import redis
    from django.conf import settings

    name = settings.MLJUDGE_REJUDGE_QUEUE
    assert name != settings.CELERY_TASK_DEFAULT_QUEUE and name.startswith("mljudge-test-")
    client = redis.Redis.from_url(redis_url)
    client.delete(name, settings.CELERY_TASK_DEFAULT_QUEUE)
    yield client
    client.delete(name, settings.CELERY_TASK_DEFAULT_QUEUE)
