import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from mljudge.config.env import env_bool, env_choice, env_int, env_list, env_str

from ..conftest import ROOT


def test_it_parses_booleans_and_rejects_typos(monkeypatch):
    monkeypatch.setenv("X_FLAG", "yes")
    assert env_bool("X_FLAG", False) is True
    monkeypatch.setenv("X_FLAG", "0")
    assert env_bool("X_FLAG", True) is False
    monkeypatch.setenv("X_FLAG", "ture")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        env_bool("X_FLAG", False)


def test_it_parses_integers_with_a_minimum(monkeypatch):
    monkeypatch.setenv("X_N", "5")
    assert env_int("X_N", 1, minimum=1) == 5
    monkeypatch.setenv("X_N", "five")
    with pytest.raises(ImproperlyConfigured, match="not an integer"):
        env_int("X_N", 1)
    monkeypatch.setenv("X_N", "0")
    with pytest.raises(ImproperlyConfigured, match="below the minimum"):
        env_int("X_N", 1, minimum=1)


def test_it_requires_values_without_a_default(monkeypatch):
    monkeypatch.delenv("X_REQUIRED", raising=False)
    with pytest.raises(ImproperlyConfigured, match="X_REQUIRED is required"):
        env_str("X_REQUIRED")
    monkeypatch.setenv("X_LIST", "a.example, b.example")
    assert env_list("X_LIST") == ["a.example", "b.example"]
    monkeypatch.setenv("X_LIST", "a.example,,b")
    with pytest.raises(ImproperlyConfigured, match="empty entry"):
        env_list("X_LIST")
    monkeypatch.setenv("X_CHOICE", "podman")
    with pytest.raises(ImproperlyConfigured, match="docker, local"):
        env_choice("X_CHOICE", "docker", ("docker", "local"))


def _prod_check(**env) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    base.update(DJANGO_SETTINGS_MODULE="mljudge.config.settings.prod", **env)
    return subprocess.run([sys.executable, "manage.py", "check", "--deploy"], cwd=ROOT, env=base,
                          capture_output=True, text=True, timeout=60)


def test_it_refuses_to_start_production_without_secret_key_and_allowed_hosts():
    missing_key = _prod_check(ALLOWED_HOSTS="judge.example.org")
    assert missing_key.returncode != 0 and "SECRET_KEY is required" in missing_key.stderr
    missing_hosts = _prod_check(SECRET_KEY="k" * 50)
    assert missing_hosts.returncode != 0 and "ALLOWED_HOSTS is required" in missing_hosts.stderr
    ok = _prod_check(SECRET_KEY="a-very-long-random-production-secret-key-0123456789",
                     ALLOWED_HOSTS="judge.example.org")
    assert ok.returncode == 0, ok.stderr
