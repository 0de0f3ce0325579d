"""A Redis cache that can share its database: clear() deletes only its own KEY_PREFIX's keys (Django's RedisCache
flushes the whole database). The test settings use it, so every test run caches in the real Redis, as production
does, without touching another run's keys."""
from __future__ import annotations

from django.core.cache.backends.redis import RedisCache


class PrefixedRedisCache(RedisCache):
    def clear(self) -> bool:
        if not self.key_prefix:
            return super().clear()
        client = self._cache.get_client(write=True)
        keys = list(client.scan_iter(match=f"{self.key_prefix}:*", count=1000))
        for start in range(0, len(keys), 1000):
            client.delete(*keys[start:start + 1000])
        return True
