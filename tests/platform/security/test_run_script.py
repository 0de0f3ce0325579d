"""scripts/run.sh never grades without a sandbox by itself: choose_sandbox (scripts/lib.sh) stops with an
error when Docker cannot be used or the runner image cannot be built, and runs the unsafe local sandbox only
when MLJUDGE_SANDBOX=local was set explicitly, saying so. Fake docker/dockerd/dpkg commands on PATH stand in
for a machine without a working engine: nothing real is installed or started."""
from __future__ import annotations

import os
import subprocess

import pytest

from ..conftest import ROOT

LIB = ROOT / "scripts" / "lib.sh"


def fake(bin_dir, name: str, body: str) -> None:
    path = bin_dir / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)


@pytest.fixture
def no_docker(tmp_path):
    """A machine whose docker never answers and whose dockerd dies at once; its packages count as installed."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake(bin_dir, "docker", 'echo "Cannot connect to the Docker daemon" >&2; exit 1')
    fake(bin_dir, "dockerd", 'echo "dockerd: failed to start daemon" >&2; exit 1')
    fake(bin_dir, "dpkg", "exit 0")  # so apt_install has nothing to install
    return bin_dir


@pytest.fixture
def docker_without_image(tmp_path):
    """An engine that answers but cannot build anything (no registry, no base image)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake(bin_dir, "docker", '[ "$1" = info ] && exit 0; echo "docker $1: failed" >&2; exit 1')
    return bin_dir


def choose(bin_dir, **env) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k != "MLJUDGE_SANDBOX"}
    base.update(PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", MLJUDGE_RUNNER_BUILD="dockerfile",
                MLJUDGE_RUNNER_IMAGE_NAME="mljudge-runner-fake-test", **env)
    script = f'source "{LIB}"; choose_sandbox; echo "sandbox=$MLJUDGE_SANDBOX"'
    return subprocess.run(["bash", "-c", script], env=base, capture_output=True, text=True, timeout=120, check=False)


def test_it_stops_when_no_docker_engine_can_be_had(no_docker):
    result = choose(no_docker)
    assert result.returncode != 0
    assert "sandbox=" not in result.stdout  # nothing after it ran
    assert "No Docker engine answers here" in result.stderr and "mljudge does not start" in result.stderr
    assert "MLJUDGE_SANDBOX=local scripts/run.sh" in result.stderr  # the explicit way out is named


def test_it_stops_when_the_runner_image_cannot_be_built(docker_without_image):
    result = choose(docker_without_image)
    assert result.returncode != 0 and "sandbox=" not in result.stdout
    assert "runner image (what submitted code runs in) could not be built" in result.stderr


def test_it_runs_the_local_sandbox_only_when_asked_and_says_it_is_unsafe(no_docker):
    result = choose(no_docker, MLJUDGE_SANDBOX="local")
    assert result.returncode == 0 and result.stdout.strip().endswith("sandbox=local")
    assert "PLAIN PROCESSES" in result.stderr and "never expose this site" in result.stderr


def test_it_refuses_an_unknown_sandbox_name(no_docker):
    result = choose(no_docker, MLJUDGE_SANDBOX="podman")
    assert result.returncode != 0 and "MLJUDGE_SANDBOX must be docker or local" in result.stderr
