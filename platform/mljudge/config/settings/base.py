"""Settings shared by every environment. Values come from the environment through typed helpers
(config/env.py) that fail loudly; dev.py, test.py and prod.py adjust what differs."""
from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from mljudge.leaderboards.scoring import WINDOW_REFRESH
from mljudge.ops.logs import logging_config

from ..env import env_bool, env_choice, env_float, env_int, env_list, env_str

PLATFORM_DIR = Path(__file__).resolve().parents[3]   # <repo>/platform
REPO_DIR = PLATFORM_DIR.parent
VAR_DIR = Path(env_str("MLJUDGE_VAR_DIR", str(REPO_DIR / "var")))

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])

INSTALLED_APPS = [
    # Ours first: our registration/* templates override the admin's.
    "mljudge.core",
    "mljudge.accounts",
    "mljudge.problemset",
    "mljudge.submissions",
    "mljudge.grading",
    "mljudge.leaderboards",
    "mljudge.cohorts",
    "mljudge.review",
    "mljudge.authoring",
    "mljudge.learning",
    "mljudge.assessments",
    "mljudge.api",
    "mljudge.ops",       # /healthz, /readyz, /metrics, worker heartbeats, the System page
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",              # login lockout (AXES_* below)
    "django_ratelimit",  # request rates (mljudge.core.ratelimits); its system checks vet the cache
    "csp",               # Content-Security-Policy (CONTENT_SECURITY_POLICY below)
    "ninja",             # the API docs page's own static files (Swagger UI; no CDN)
]

MIDDLEWARE = [
    "mljudge.ops.middleware.SubmissionLogContextMiddleware",   # the submission id on every log record
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before the CSRF check, which is the first to read a form: an over-size body becomes a clear 413 there.
    "mljudge.core.middleware.RequestTooBigMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "mljudge.core.middleware.HtmxMiddleware",
    "mljudge.api.middleware.TokenUseMiddleware",   # a token's usage log (API requests only)
    # Last, as django-axes asks: it turns a lockout flagged during authentication into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mljudge.config.urls"
WSGI_APPLICATION = "mljudge.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mljudge.review.context_processors.feedback",
                "mljudge.cohorts.context_processors.invitations",
                "mljudge.core.context_processors.enums",
                "mljudge.assessments.context_processors.mock_session",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'mljudge.sqlite3'}"), conn_max_age=60,
        conn_health_checks=True),
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The web process and the workers write concurrently: wait for the lock, and take it up front.
    DATABASES["default"]["OPTIONS"] = {"timeout": 30, "transaction_mode": "IMMEDIATE",
                                       "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL", "redis://127.0.0.1:56379/0")
# How long any Redis call (cache, broker publish, the sweeper's queue count) may wait: a hung Redis must not
# hold a request (docs/operations.md).
MLJUDGE_REDIS_TIMEOUT_S = env_float("MLJUDGE_REDIS_TIMEOUT_S", 2.0)
REDIS_OPTIONS = {"socket_timeout": MLJUDGE_REDIS_TIMEOUT_S, "socket_connect_timeout": MLJUDGE_REDIS_TIMEOUT_S}
# Pages keep working uncached while Redis is unreachable (core.caches.ForgivingRedisCache).
CACHES = {"default": {"BACKEND": "mljudge.core.caches.ForgivingRedisCache", "LOCATION": REDIS_URL,
                      "OPTIONS": REDIS_OPTIONS}}

# django-axes first: it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "problemset:catalogue"
LOGOUT_REDIRECT_URL = "problemset:catalogue"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PLATFORM_DIR / "static"]  # dist/ is the esbuild bundle (npm run build)
STATIC_ROOT = Path(env_str("MLJUDGE_STATIC_ROOT", str(VAR_DIR / "static")))
MLJUDGE_SERVE_STATIC = env_bool("MLJUDGE_SERVE_STATIC", False)

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "mljudge <noreply@localhost>")

# --- throttling (issue 10) ----------------------------------------------------------------------------
# Behind a reverse proxy: how many proxies of ours append to X-Forwarded-For (0: trust REMOTE_ADDR only).
# mljudge.core.ratelimits.client_ip is the one reader, for both the rate limits and django-axes.
MLJUDGE_PROXY_HOPS = env_int("MLJUDGE_PROXY_HOPS", 0, minimum=0)
RATELIMIT_USE_CACHE = "default"   # the shared Redis cache: every process and host counts together
RATELIMIT_IP_META_KEY = "mljudge.core.ratelimits.client_ip"
RATELIMIT_FAIL_OPEN = False       # no cache, no counting: refuse rather than let scripts through
# Lockout per (username, address) pair: a guesser is stopped after 5 wrong passwords on one account, yet
# nobody elsewhere can lock the real owner out by typing their name. One address trying many names is
# capped by the "login" rate in core/ratelimits.py. Failures during a lockout restart the cool-off.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = env_int("MLJUDGE_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("MLJUDGE_LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_RESET_ON_SUCCESS = True      # a right password clears that pair's count (no creeping lockouts)
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
AXES_CLIENT_IP_CALLABLE = "mljudge.core.ratelimits.client_ip"
AXES_LOCKOUT_CALLABLE = "mljudge.core.ratelimits.lockout_response"
SILENCED_SYSTEM_CHECKS = [
    # django-ratelimit only knows django-redis by name; Django's own RedisCache (CACHES above) does the
    # atomic add (SET NX) and incr (INCRBY) it needs.
    "django_ratelimit.W001",
]

CSRF_COOKIE_HTTPONLY = False  # htmx reads nothing from it: the token travels in the form
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# A stale or missing token gets a page that says what to do (reload), not Django's bare 403.
CSRF_FAILURE_VIEW = "mljudge.core.views.csrf_failure"
# The largest form body read into memory (Django's default, stated here because it must stay above
# 3 x grader.MAX_SOURCE_BYTES: a 64 KiB source percent-encodes to at most 192 KiB, and every source within
# the code limit must reach the engine's own size check and its message). Bigger bodies get a 413 from
# core.middleware.RequestTooBigMiddleware. File uploads stream to disk and are not counted.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Content-Security-Policy (django-csp 4), in every environment so the tests prove what production sends.
# Scripts only from our own origin (the esbuild bundle): no inline script, no eval (htmx.config.allowEval
# is off). Style sheets: our files, plus <style> elements that carry this response's nonce: CodeMirror 6
# creates one for its theme (EditorView.cspNonce, read from <meta name="csp-nonce">) and the leaderboards
# mark the viewer's row with one. style="" attributes are allowed (style-src-attr) because the browser's
# own editing engine writes them into the editor when one types over a selection (CodeMirror re-renders the
# line at once); an attribute cannot run script or load from elsewhere (img-src/font-src stay 'self'). Our
# templates use classes, not style attributes, all the same.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

# --- grading ---------------------------------------------------------------------------------------
MLJUDGE_PROBLEMS_DIR = Path(env_str("MLJUDGE_PROBLEMS_DIR", str(REPO_DIR / "problems")))
# docker is the only safe choice; local runs submissions as plain processes (authoring on a laptop only).
MLJUDGE_SANDBOX = env_choice("MLJUDGE_SANDBOX", "docker", ("docker", "local"))
MLJUDGE_SANDBOX_POOL_SIZE = env_int("MLJUDGE_SANDBOX_POOL_SIZE", 2, minimum=1)
# The torch runtime's warm pool per worker process (each waiting sandbox holds torch imported, ~230 MB).
MLJUDGE_TORCH_POOL_SIZE = env_int("MLJUDGE_TORCH_POOL_SIZE", 1, minimum=1)
MLJUDGE_MAX_IN_FLIGHT = env_int("MLJUDGE_MAX_IN_FLIGHT", 2, minimum=1)
MLJUDGE_DAILY_LIMIT = env_int("MLJUDGE_DAILY_LIMIT", 300, minimum=1)
# Personal access tokens a user may hold at once (mljudge.api.services.token_create).
MLJUDGE_MAX_API_TOKENS = env_int("MLJUDGE_MAX_API_TOKENS", 20, minimum=1)
MLJUDGE_MAX_ATTEMPTS = env_int("MLJUDGE_MAX_ATTEMPTS", 3, minimum=1)
# A running row whose worker has not beaten for this long (the database's clock; it beats every sixth of it)
# is taken over, whatever host it ran on (grading.states.silent).
MLJUDGE_STUCK_AFTER_S = env_int("MLJUDGE_STUCK_AFTER_S", 30, minimum=1)
# A row whose grading messages were sent this often (hand-backs by hosts without its problem version, re-sends)
# ends as a system error instead of circling for ever (grading.services).
MLJUDGE_MAX_SENDS = env_int("MLJUDGE_MAX_SENDS", 100, minimum=2)
# The sweeper (its own queue and worker, MLJUDGE_SWEEP_QUEUE) runs this often: re-queues silent rows and
# re-sends the messages the broker lost. Cheap: a few indexed queries and one LLEN.
MLJUDGE_SWEEP_EVERY_S = env_int("MLJUDGE_SWEEP_EVERY_S", 10, minimum=1)
MLJUDGE_RETRY_BACKOFF_S = env_int("MLJUDGE_RETRY_BACKOFF_S", 2, minimum=0)
# A problem sync run (authoring) with no sign of life for this long is failed: its worker died, or none took it.
# A run records progress before each folder, so this bounds one folder's sandbox check, not the whole sync.
MLJUDGE_SYNC_STALE_AFTER_S = env_int("MLJUDGE_SYNC_STALE_AFTER_S", 900, minimum=1)

# --- Celery (namespace CELERY_) -----------------------------------------------------------------
CELERY_BROKER_URL = REDIS_URL
CELERY_TASK_DEFAULT_QUEUE = env_str("MLJUDGE_QUEUE", "mljudge")
# Rejudges after a problem's grading content changed run on their own queue and worker (scripts/run.sh), so
# a rejudge of thousands of submissions never delays a new submission on the default queue.
MLJUDGE_REJUDGE_QUEUE = env_str("MLJUDGE_REJUDGE_QUEUE", "mljudge-rejudge")
# Problem syncs run there too: the sandbox check is long, and a web process never builds a sandbox.
# The sweepers run on a queue of their own with a small worker that never touches a sandbox (scripts/run.sh):
# on the grading queue they would wait behind the very backlog they are meant to rescue.
MLJUDGE_SWEEP_QUEUE = env_str("MLJUDGE_SWEEP_QUEUE", "mljudge-sweep")
CELERY_TASK_ROUTES = {"mljudge.grading.tasks.rejudge_submission": {"queue": MLJUDGE_REJUDGE_QUEUE},
                      "mljudge.authoring.tasks.sync_run_task": {"queue": MLJUDGE_REJUDGE_QUEUE},
                      "mljudge.grading.tasks.sweep_stuck_submissions": {"queue": MLJUDGE_SWEEP_QUEUE},
                      "mljudge.authoring.tasks.sync_runs_sweep": {"queue": MLJUDGE_SWEEP_QUEUE},
                      "mljudge.assessments.tasks.record_ended_hidden_results": {"queue": MLJUDGE_SWEEP_QUEUE}}
CELERY_TASK_IGNORE_RESULT = True            # the database row is the result
CELERY_TASK_ACKS_LATE = True                # a message is acknowledged only after its task ends...
CELERY_TASK_REJECT_ON_WORKER_LOST = True    # ...and re-queued if the process running it dies
CELERY_WORKER_PREFETCH_MULTIPLIER = 1       # a worker holds one grading job at a time
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Unacknowledged messages of a worker that vanished come back after this; the sweeper is the backstop.
# Socket timeouts: a hung Redis fails a publish within seconds (the submission is saved and reported as
# delayed) instead of holding the request; publishing is retried twice, briefly.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env_int("MLJUDGE_VISIBILITY_TIMEOUT_S", 600, minimum=1),
                                   **REDIS_OPTIONS}
CELERY_BROKER_CONNECTION_TIMEOUT = MLJUDGE_REDIS_TIMEOUT_S
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2,
                                    "interval_max": 0.5}
CELERY_BEAT_SCHEDULE = {
    "sweep-stuck-submissions": {
        "task": "mljudge.grading.tasks.sweep_stuck_submissions",
        "schedule": timedelta(seconds=MLJUDGE_SWEEP_EVERY_S),
        # On their own queue; a sweep its worker could not take in time is dropped, not run in a burst later.
        "options": {"expires": MLJUDGE_SWEEP_EVERY_S},
    },
    "sweep-stale-sync-runs": {
        "task": "mljudge.authoring.tasks.sync_runs_sweep",
        "schedule": timedelta(seconds=MLJUDGE_SWEEP_EVERY_S),
        "options": {"expires": MLJUDGE_SWEEP_EVERY_S},
    },
    # Results an assignment hid until its due time count (leaderboards, profiles, plans) once it passes.
    "record-ended-hidden-results": {
        "task": "mljudge.assessments.tasks.record_ended_hidden_results",
        "schedule": timedelta(minutes=1),
        "options": {"expires": 60},
    },
    # The "last 30 days" leaderboard drops results as they age out of the window.
    "refresh-30-day-standings": {
        "task": "mljudge.leaderboards.tasks.refresh_window_standings",
        "schedule": WINDOW_REFRESH,
        "options": {"expires": WINDOW_REFRESH.total_seconds()},
    },
}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# Human lines in development, one JSON object per line in the images (docker/app.Dockerfile); both carry the
# submission id a request or task works on (mljudge.ops.logs).
MLJUDGE_LOG_FORMAT = env_choice("MLJUDGE_LOG_FORMAT", "plain", ("plain", "json"))
LOGGING = logging_config(fmt=MLJUDGE_LOG_FORMAT, level=env_str("MLJUDGE_LOG_LEVEL", "INFO"))

# --- operations (mljudge.ops; docs/operations.md) --------------------------------------------------------
# Worker processes record their own figures (sandbox starts, pool misses, task durations) in files here,
# prometheus-client's multiprocess mode, which reads the variable when it is first imported: set it before.
MLJUDGE_METRICS_DIR = Path(env_str("PROMETHEUS_MULTIPROC_DIR", str(VAR_DIR / "metrics")))
os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(MLJUDGE_METRICS_DIR)
MLJUDGE_METRICS_DIR.mkdir(parents=True, exist_ok=True)
# /metrics for Prometheus: Authorization: Bearer <token>. Without a token only staff and loopback (no proxy).
MLJUDGE_METRICS_TOKEN = env_str("MLJUDGE_METRICS_TOKEN", "")
# The queue-wait and grade-duration distributions cover runs and submissions queued this recently.
MLJUDGE_METRICS_WINDOW_S = env_int("MLJUDGE_METRICS_WINDOW_S", 3600, minimum=60)
# Each worker's main process beats (ops.models.WorkerBeat) this often; silent for LIVE_S, it counts as gone.
MLJUDGE_WORKER_BEAT_S = env_int("MLJUDGE_WORKER_BEAT_S", 10, minimum=1)
MLJUDGE_WORKER_LIVE_S = env_int("MLJUDGE_WORKER_LIVE_S", 3 * MLJUDGE_WORKER_BEAT_S + 5, minimum=2)
# A worker host's own metrics (its processes' files, merged), for hosts other than the web's; 0: not served.
MLJUDGE_WORKER_METRICS_PORT = env_int("MLJUDGE_WORKER_METRICS_PORT", 0, minimum=0)
MLJUDGE_WORKER_METRICS_ADDR = env_str("MLJUDGE_WORKER_METRICS_ADDR", "0.0.0.0")
# /readyz: how long the broker may take to answer a PING.
MLJUDGE_READY_TIMEOUT_S = env_float("MLJUDGE_READY_TIMEOUT_S", 1.0)

VAR_DIR.mkdir(parents=True, exist_ok=True)

# The API (mljudge.api): list endpoints page with ?limit=&offset=.
NINJA_PAGINATION_PER_PAGE = 20
NINJA_PAGINATION_MAX_LIMIT = 100

# Webhooks (mljudge.api.webhook_services): POSTed by their own worker on their own queue (scripts/run.sh), so a
# slow receiver never holds up grading. Addresses that resolve to loopback, private, link-local, multicast or
# reserved networks are refused (SSRF: a webhook must not reach the site's own network) unless allowed here.
MLJUDGE_WEBHOOK_QUEUE = env_str("MLJUDGE_WEBHOOK_QUEUE", "mljudge-hooks")
MLJUDGE_WEBHOOK_ALLOW_PRIVATE = env_bool("MLJUDGE_WEBHOOK_ALLOW_PRIVATE", False)
MLJUDGE_WEBHOOK_ATTEMPTS = env_int("MLJUDGE_WEBHOOK_ATTEMPTS", 6, minimum=1)
# Attempt n+1 waits base * 4**(n-1): 30 s, 2 min, 8 min, 32 min, ~2 h (six attempts over about 2.8 hours).
MLJUDGE_WEBHOOK_BACKOFF_S = env_float("MLJUDGE_WEBHOOK_BACKOFF_S", 30.0)
MLJUDGE_WEBHOOK_TIMEOUT_S = min(env_float("MLJUDGE_WEBHOOK_TIMEOUT_S", 5.0), 5.0)
