"""The test suite: fast hashing, the real Redis cache under a key prefix of this run's own, and a file test
database that a real Celery worker (started by the pipeline tests as a subprocess) can open too."""
import os

from .base import *  # noqa: F403
from .base import DATABASES, REDIS_OPTIONS, REDIS_URL, VAR_DIR

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The real Redis, as production caches: the cached leaderboard pages are keyed by revisions a worker process
# bumps, and only a shared cache tests that. Other test runs share the Redis, so each run has its own prefix
# (inherited by the workers it starts, through the environment) and cache.clear() deletes only that prefix
# (tests/platform/conftest.py clears it at the end of the run).
MLJUDGE_CACHE_PREFIX = os.environ.setdefault("MLJUDGE_CACHE_PREFIX", f"mljudge-test-{os.getpid()}")
CACHES = {"default": {"BACKEND": "mljudge.core.caches.ForgivingRedisCache", "LOCATION": REDIS_URL,
                      "KEY_PREFIX": MLJUDGE_CACHE_PREFIX, "OPTIONS": REDIS_OPTIONS}}
# Request rates are off here: the counters would carry over from test to test within the run (every test
# client is 127.0.0.1, and only some tests clear the cache) and refuse at random. tests/platform/security/
# turn them on under a prefix of each test's own.
RATELIMIT_ENABLE = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}
# Tasks sent by a test run go to its own queue, never to a development worker's; the pipeline tests start
# workers on this queue (they inherit MLJUDGE_QUEUE).
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("MLJUDGE_QUEUE") or f"mljudge-test-{os.getpid()}"
MLJUDGE_REJUDGE_QUEUE = os.environ.get("MLJUDGE_REJUDGE_QUEUE") or f"{CELERY_TASK_DEFAULT_QUEUE}-rejudge"
# Every task base.py routes goes to this run's own queue of the same kind: the sweepers to its sweep queue,
# the rest (rejudges, problem syncs) to its rejudge queue.
_SWEEPERS = {name for name, route in CELERY_TASK_ROUTES.items() if route["queue"] == MLJUDGE_SWEEP_QUEUE}  # noqa: F405
MLJUDGE_SWEEP_QUEUE = os.environ.get("MLJUDGE_SWEEP_QUEUE") or f"{CELERY_TASK_DEFAULT_QUEUE}-sweep"
CELERY_TASK_ROUTES = {name: {"queue": MLJUDGE_SWEEP_QUEUE if name in _SWEEPERS else MLJUDGE_REJUDGE_QUEUE}
                      for name in CELERY_TASK_ROUTES}  # noqa: F405
# The live server's request threads must not keep connections open past the test (or the test database
# cannot be dropped at the end).
DATABASES["default"]["CONN_MAX_AGE"] = 0
# Webhooks: the tests' listener is on 127.0.0.1; their own queue, this run's; retries in tenths of a second.
MLJUDGE_WEBHOOK_ALLOW_PRIVATE = True
MLJUDGE_WEBHOOK_QUEUE = os.environ.get("MLJUDGE_WEBHOOK_QUEUE") or f"{CELERY_TASK_DEFAULT_QUEUE}-hooks"
MLJUDGE_WEBHOOK_BACKOFF_S = 0.2
