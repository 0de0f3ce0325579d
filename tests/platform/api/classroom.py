"""Fixtures of the instructor and author endpoints' tests: the instructors' classroom (tests/platform/instructors)
and a design answer to grade against recsys-design's rubric. Test modules import the fixtures they use."""
from __future__ import annotations

import pytest

from ..conftest import PROBLEMS
from ..instructors.conftest import (FULL_REPORT, HIDDEN_MARKERS, classroom, graded_submission,  # noqa: F401
                                    make_cohort, make_instructor)


@pytest.fixture
def design_answer(settings, classroom, make_submission):  # noqa: F811
    """ann's answer to recsys-design (a rubric in its folder), awaiting review by ada."""
    from mljudge.grading.problems import problems_sync
    from mljudge.problemset.models import Problem
    from mljudge.submissions.models import Mode, Status

    settings.MLJUDGE_PROBLEMS_DIR = PROBLEMS
    problems_sync(root=PROBLEMS / "recsys-design")
    problem = Problem.objects.get(slug="recsys-design")
    return make_submission(classroom["ann"], problem, mode=Mode.DESIGN, status=Status.AWAITING_REVIEW,
                           source="# Two stages\n\nRetrieval then ranking.")


@pytest.fixture
def reviewer_api(api_client, classroom):  # noqa: F811
    """reviewer_api(name="ada", scopes=("review",)): an ApiClient of a classroom user's token."""
    def make(name: str = "ada", scopes=("review",)):
        return api_client(classroom[name], scopes)

    return make


@pytest.fixture
def rate_limits(settings, redis_url):
    """Rate limits on (the test settings turn them off), counted in Redis under a prefix of this test's own."""
    import uuid

    import redis

    prefix = f"mljudge-test-{uuid.uuid4().hex}"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": redis_url, "KEY_PREFIX": prefix}}
    settings.RATELIMIT_ENABLE = True
    yield
    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


@pytest.fixture
def rejudge_queue(redis_url):
    """The messages on this test run's rejudge queue (tasks queued there, as JSON), emptied before and after."""
    import json

    import redis
    from django.conf import settings as django_settings

    name = django_settings.MLJUDGE_REJUDGE_QUEUE
    assert name.startswith("mljudge-test-")
    client = redis.Redis.from_url(redis_url)
    client.delete(name)
    yield lambda: [json.loads(m) for m in client.lrange(name, 0, -1)]
    client.delete(name)
