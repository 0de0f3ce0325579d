"""The test suite: fast hashing, local-memory cache, and a file test database that a real Celery worker
(started by the pipeline tests as a subprocess) can open too."""
import os

from .base import *  # noqa: F403
from .base import DATABASES, VAR_DIR

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Request rates are off here: a per-process LocMem counter would carry over from test to test (every test
# client is 127.0.0.1) and refuse at random. tests/platform/security/ turn them on against the real Redis,
# as production counts; so django-ratelimit's "LocMem is not shared" error is moot here, and only here.
RATELIMIT_ENABLE = False
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "django_ratelimit.E003"]  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}
# Tasks sent by a test run go to its own queue, never to a development worker's; the pipeline tests start
# workers on this queue (they inherit MLJUDGE_QUEUE).
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("MLJUDGE_QUEUE") or f"mljudge-test-{os.getpid()}"
MLJUDGE_REJUDGE_QUEUE = os.environ.get("MLJUDGE_REJUDGE_QUEUE") or f"{CELERY_TASK_DEFAULT_QUEUE}-rejudge"
# Every task base.py routes (rejudges, problem syncs) goes to the rejudge queue: this run's own.
CELERY_TASK_ROUTES = {name: {"queue": MLJUDGE_REJUDGE_QUEUE} for name in CELERY_TASK_ROUTES}  # noqa: F405
# The live server's request threads must not keep connections open past the test (or the test database
# cannot be dropped at the end).
DATABASES["default"]["CONN_MAX_AGE"] = 0
