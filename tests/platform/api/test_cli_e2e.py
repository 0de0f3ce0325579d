"""The `mljudge` CLI end to end, as a user runs it: a subprocess (python -m mljudge_cli) with its own HOME, against
the real site (pytest-django's live server) and a real Celery worker grading softmax in Docker. login, pick, test,
submit (correct and wrong) and their exit statuses; the stored config is 0600."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from ..conftest import PROBLEMS, ROOT

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.docker, pytest.mark.services]

SLUG = "softmax"
REFERENCE = (PROBLEMS / SLUG / "reference.py").read_text()
WRONG = (PROBLEMS / SLUG / "wrong" / "naive_no_max.py").read_text()
WAIT_S = 120   # the CLI's --timeout: a cold Docker pool's first grade included


@pytest.fixture
def cli(tmp_path):
    """cli(*args) → CompletedProcess of `python -m mljudge_cli *args` in tmp_path/work, with HOME and the config
    directory in tmp_path and no login inherited from the environment."""
    work = tmp_path / "work"
    work.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith("MLJUDGE_")}
    env.update({"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
                "PYTHONPATH": str(ROOT),   # this checkout's mljudge_cli, before any installed one
                "COLUMNS": "160", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"})

    def run(*args: str, timeout: float = WAIT_S + 60) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "mljudge_cli", *args], cwd=work, env=env, timeout=timeout,
                              capture_output=True, encoding="utf-8")

    run.work = work
    run.config = tmp_path / "config" / "mljudge" / "config.json"
    return run


def said(result: subprocess.CompletedProcess) -> str:
    return f"exit {result.returncode}\n--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"


def test_it_logs_in_picks_tests_and_submits_from_the_command_line(live_server, start_worker, synced_problems,
                                                                   make_user, cli):
    from mljudge.api.services import token_create

    worker = start_worker()
    user = make_user("cli-user")
    secret = token_create(user=user, name="cli e2e", scopes=["read", "submit"], expires_in_days=None).secret

    result = cli("login", "--url", live_server.url, "--token", secret)
    assert result.returncode == 0, said(result)
    assert "as cli-user" in result.stdout
    assert stat.S_IMODE(cli.config.stat().st_mode) == 0o600
    assert stat.S_IMODE(cli.config.parent.stat().st_mode) == 0o700
    assert json.loads(cli.config.read_text()) == {"url": live_server.url, "token": secret}

    result = cli("pick", SLUG)
    assert result.returncode == 0, said(result)
    starter, statement = cli.work / f"{SLUG}.py", cli.work / f"{SLUG}.md"
    assert "def softmax" in starter.read_text()
    assert "## Examples" in statement.read_text() and "## Limits" in statement.read_text()
    assert cli("pick", SLUG).returncode == 2   # never over the user's file

    starter.write_text(REFERENCE)   # the user solves it
    result = cli("test", starter.name, "--timeout", str(WAIT_S))
    assert result.returncode == 0, said(result) + worker.output()[-3000:]
    assert "Accepted" in result.stdout and "public" in result.stdout

    result = cli("submit", starter.name, "--timeout", str(WAIT_S))
    assert result.returncode == 0, said(result) + worker.output()[-3000:]
    assert "✓ Accepted" in result.stdout and "hidden 1" in result.stdout

    wrong = cli.work / "wrong.py"
    wrong.write_text(WRONG)
    result = cli("submit", wrong.name, "--problem", SLUG, "--timeout", str(WAIT_S))
    assert result.returncode == 1, said(result) + worker.output()[-3000:]
    assert "✗" in result.stdout

    result = cli("history", "--problem", SLUG)
    assert result.returncode == 0, said(result)
    assert "3 submissions" in result.stdout

    # A token without the submit scope is refused by the site, and the CLI says which scope is missing.
    reader = token_create(user=user, name="read only", scopes=["read"], expires_in_days=None).secret
    assert cli("login", "--url", live_server.url, "--token", reader).returncode == 0
    result = cli("submit", starter.name)
    assert result.returncode == 4, said(result)
    assert "'submit' scope" in result.stderr
