"""Fixtures of the authoring tests: a problem bank of one folder, an author, and the rejudge queue (where
problem syncs and rejudges are queued) emptied before and after."""
import shutil

import pytest

from ..conftest import ROOT

FIXTURE = ROOT / "tests" / "grader" / "fixtures" / "vector-norm"


@pytest.fixture
def bank(tmp_path, settings):
    shutil.copytree(FIXTURE, tmp_path / "vector-norm")
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
