"""The test suite's cache shares the real Redis with other runs: clearing it deletes only its own prefix."""
from __future__ import annotations

import uuid

import pytest
import redis

from mljudge.core.caches import PrefixedRedisCache

pytestmark = pytest.mark.services


def test_it_clears_only_the_keys_under_its_own_prefix(redis_url):
    mine, theirs = (PrefixedRedisCache(redis_url, {"KEY_PREFIX": f"test-caches-{uuid.uuid4().hex}"})
                    for _ in range(2))
    mine.set("page", "mine")
    theirs.set("page", "theirs")
    mine.clear()
    assert mine.get("page") is None and theirs.get("page") == "theirs"
    theirs.clear()
    assert not list(redis.Redis.from_url(redis_url).scan_iter(match=f"{theirs.key_prefix}:*"))
