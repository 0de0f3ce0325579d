"""Shared fixtures for the platform's tests: factories, and real services (Redis, Docker, Chromium) that
fail the test under MLJUDGE_REQUIRE_SERVICES=1 and skip it elsewhere."""
from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path
from urllib.parse import urlparse

import pytest

from ..conftest import PROBLEMS, REQUIRE_SERVICES, ROOT, unavailable  # noqa: F401  (re-exported to test modules)


# --- factories -------------------------------------------------------------------------------------

@pytest.fixture
def make_user(db):
    from mljudge.accounts.services import user_signup

    counter = iter(range(1, 10_000))

    def make(username: str | None = None, *, display_name: str = "", staff: bool = False, password="pw-Secret-123"):
        n = next(counter)
        user = user_signup(username=username or f"user{n}", email=f"{username or 'user'}{n}@example.com",
                           password=password, display_name=display_name)
        if staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        return user

    return make


@pytest.fixture
def make_problem(db):
    from mljudge.problemset.services import ProblemData, problem_store

    def make(slug: str = "toy", *, kind: str = "function", difficulty: str = "easy", topics=("foundations",),
             title: str | None = None, statement: str = "Compute $x^2$.", content_hash: str = "h1", version: int = 1,
             hints=(), learn: str = "", editorial: str = ""):
        problem, _ = problem_store(data=ProblemData(
            slug=slug, title=title or slug.title(), kind=kind, difficulty=difficulty, topics=list(topics),
            statement_md=statement, starter="def f(x):\n    raise NotImplementedError\n",
            entry_point="" if kind == "design" else "f", declared_version=version, content_hash=content_hash,
            hints=tuple(hints), learn_md=learn, editorial_md=editorial))
        return problem

    return make


@pytest.fixture
def make_submission(db):
    from django.utils import timezone

    from mljudge.submissions.models import Mode, Status, Submission

    def make(user, problem, *, mode=Mode.SUBMIT, status=Status.QUEUED, source="def f(x):\n    return x\n", **kw):
        return Submission.objects.create(user=user, problem=problem, problem_version=problem.current_version,
                                         mode=mode, status=status, source=source,
                                         queued_at=kw.pop("queued_at", timezone.now()),
                                         sent_at=kw.pop("sent_at", timezone.now()), **kw)

    return make


@pytest.fixture
def grade_delay():
    """The grading task's .delay, replaced by a mock: the row is written, nothing is queued."""
    from unittest import mock

    with mock.patch("mljudge.grading.tasks.grade_submission.delay") as delay:
        yield delay


@pytest.fixture
def solver(client, make_user):
    """A signed-in solver on the test client."""
    user = make_user()
    client.force_login(user)
    return user


@pytest.fixture
def synced_problems(db, settings):
    """softmax and kmeans (if authored yet) loaded from the real problems/ folder."""
    from mljudge.grading.problems import problems_sync

    settings.MLJUDGE_PROBLEMS_DIR = PROBLEMS
    for slug in ("softmax", "kmeans"):
        if (PROBLEMS / slug / "problem.toml").exists():
            problems_sync(root=PROBLEMS / slug)
    return PROBLEMS


@pytest.fixture(scope="module")
def local_pool():
    """The (unsafe, fast) local sandbox, pooled as the worker's Docker one is: for in-process grading tests."""
    import grader

    pool = grader.SandboxPool(grader.make_sandbox("local"), size=1)
    yield pool
    pool.close()


# --- real services ---------------------------------------------------------------------------------

@pytest.fixture(autouse=True, scope="session")
def _cache_prefix_deleted_at_the_end():
    """The suite caches in the shared Redis under a prefix of this run's own (settings/test.py): delete it once
    the run ends, never the whole database."""
    yield
    from django.core.cache import cache

    try:
        cache.clear()
    except Exception as exc:  # noqa: BLE001  (Redis gone: nothing left to delete, and no test to fail)
        print(f"cache prefix not deleted: {exc}")


@pytest.fixture(scope="session")
def redis_url() -> str:
    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:56379/0")
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 6379), timeout=2) as s:
            s.sendall(b"PING\r\n")
            if not s.recv(16).startswith(b"+PONG"):
                raise OSError("no PONG")
    except OSError as exc:
        unavailable(f"Redis at {url} ({exc})")
    return url


@pytest.fixture(scope="session")
def docker_available() -> None:
    import grader

    try:
        grader.make_sandbox("docker", reap=False)
    except grader.SandboxError as exc:
        unavailable(f"Docker sandbox ({exc})")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        unavailable("Chromium (/usr/bin/chromium)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        unavailable("the playwright Python package")
    return path


def kmeans_or_softmax() -> str:
    return "kmeans" if (PROBLEMS / "kmeans" / "problem.toml").exists() else "softmax"


@pytest.fixture
def queue(redis_url, docker_available):
    """The test run's private queue (settings/test.py), so no other worker on this Redis takes our tasks."""
    import redis

    from mljudge.config import celery_app

    name = celery_app.conf.task_default_queue
    assert name.startswith("mljudge-test-")
    redis.Redis.from_url(redis_url).delete(name, f"{name}-sweep")
    yield name
    redis.Redis.from_url(redis_url).delete(name, f"{name}-sweep")


@pytest.fixture
def start_worker(queue, redis_url, tmp_path):
    """Starts real Celery workers (subprocesses) on the test database and queue; stops them afterwards."""
    from .pipeline.workers import Worker

    workers = []

    def start(**kw):
        worker = Worker(queue=queue, redis_url=redis_url, log_dir=tmp_path, **kw)
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()


# --- a real browser ---------------------------------------------------------------------------------

def screenshots_dir():
    """Under var/ by default: tests never write into tracked files. MLJUDGE_SCREENSHOTS_DIR=docs/screenshots
    refreshes the README's pictures on purpose."""
    import os
    from pathlib import Path

    return Path(os.environ.get("MLJUDGE_SCREENSHOTS_DIR") or ROOT / "var" / "screenshots")


def log_in(page, base: str, username: str, password: str = "pw-Secret-123") -> None:
    """Logs in through the real form (make_user's default password) and waits for the catalogue."""
    import re

    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/problems/$"))


CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


@pytest.fixture
def bundle():
    if not (ROOT / "platform" / "static" / "dist" / "main.js").exists():
        unavailable("the front-end bundle (run: cd platform/frontend && npm ci && npm run build)")


@pytest.fixture
def page(chromium_path, bundle, monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop on this thread; the test's own ORM calls are still sync.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.set_default_timeout(20_000)
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.js_errors = errors
        yield page
        context.close()
        browser.close()
        # While Playwright's loop runs, Django keeps this code's DB connections in a separate context;
        # close them here, or they outlive the test and block dropping the test database.
        from django.db import connections

        connections.close_all()


@pytest.fixture
def gunicorn(redis_url, tmp_path):
    """Starts a real gunicorn on the test database (tests/platform/live.py); stopped afterwards."""
    from .live import Gunicorn

    servers = []

    def start(**env):
        server = Gunicorn(log_dir=tmp_path, redis_url=redis_url, env=env)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
