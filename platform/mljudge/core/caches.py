"""A Redis cache that can share its database: clear() deletes only its own KEY_PREFIX's keys (Django's RedisCache
flushes the whole database). The test settings use it, so every test run caches in the real Redis, as production
does, without touching another run's keys."""
from __future__ import annotations

import logging

from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger("mljudge.core")


class PrefixedRedisCache(RedisCache):
    def clear(self) -> bool:
        if not self.key_prefix:
            return super().clear()
        client = self._cache.get_client(write=True)
        keys = list(client.scan_iter(match=f"{self.key_prefix}:*", count=1000))
        for start in range(0, len(keys), 1000):
            client.delete(*keys[start:start + 1000])
        return True


class ForgivingRedisCache(PrefixedRedisCache):
    """Pages keep working, uncached, while Redis is unreachable: a read is a miss, a write is dropped, and
    incr/decr raise ValueError as for a missing key (django-ratelimit then applies the limit's own choice,
    core.ratelimits: fail open or closed). After a failure Redis is not asked again for BREAK_S seconds, so
    a hung Redis costs one socket timeout (settings MLJUDGE_REDIS_TIMEOUT_S) per process, not one per call."""

    BREAK_S = 5.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._broken_until = 0.0

    def _forgive(name, fallback):  # noqa: N805  (a decorator factory used in the class body)
        def method(self, *args, **kwargs):
            import time

            import redis

            if time.monotonic() < self._broken_until:
                return fallback(*args, **kwargs)
            try:
                return getattr(super(ForgivingRedisCache, self), name)(*args, **kwargs)
            except redis.RedisError as exc:
                self._broken_until = time.monotonic() + self.BREAK_S
                logger.warning("cache unavailable (%s): serving uncached for %.0f s", exc, self.BREAK_S)
                return fallback(*args, **kwargs)
        method.__name__ = name
        return method

    def _missing(*_args, **_kwargs):  # noqa: N805
        raise ValueError("the cache is unavailable")

    get = _forgive("get", lambda key, default=None, version=None: default)
    get_many = _forgive("get_many", lambda keys, version=None: {})
    has_key = _forgive("has_key", lambda key, version=None: False)
    set = _forgive("set", lambda *a, **k: None)
    set_many = _forgive("set_many", lambda data, *a, **k: list(data))
    add = _forgive("add", lambda *a, **k: False)
    touch = _forgive("touch", lambda *a, **k: False)
    delete = _forgive("delete", lambda *a, **k: False)
    delete_many = _forgive("delete_many", lambda *a, **k: None)
    incr = _forgive("incr", _missing)
    decr = _forgive("decr", _missing)
    del _forgive, _missing
