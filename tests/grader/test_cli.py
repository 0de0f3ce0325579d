"""python -m grader as a user runs it: exit codes, the JSON report, the check table."""
import json
import os
import shutil
import subprocess
import sys
from dataclasses import fields

import pytest

from grader import SCHEMA_VERSION, HiddenTest

from ..conftest import ROOT

FIXTURE = ROOT / "tests/grader/fixtures/vector-norm"


def grader(*args, env=None):
    return subprocess.run([sys.executable, "-m", "grader", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)


@pytest.fixture
def wrong_submission(tmp_path):
    path = tmp_path / "wrong.py"
    path.write_text("def row_norms(x):\n    return x.sum(axis=1) * 1.0\n")
    return path


@pytest.mark.docker
def test_grade_prints_a_versioned_json_report_and_exits_0_on_a_wrong_answer(wrong_submission, docker_sandbox):
    result = grader("grade", FIXTURE, wrong_submission, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["schema_version"], report["verdict"], report["sandbox"]) == (SCHEMA_VERSION, "wrong_answer", "docker")
    assert [t["visibility"] for t in report["tests"]] == ["public", "public", "hidden", "hidden", "hidden"]
    # A solver's report: hidden tests are the grader's HiddenTest view (no name, input, output or message).
    assert all(set(t) == {"visibility", *(f.name for f in fields(HiddenTest))}
               for t in report["tests"] if t["visibility"] == "hidden")
    # Totals that count hidden tests are coarse (0.1 s) in the solver's view: a fast run's may round to 0.
    assert report["total"] == 5 and report["wall_time_s"] == round(report["wall_time_s"], 1) >= 0
    assert report["peak_memory_kb"] is None   # memory grows with a hidden input's size: not shown


@pytest.mark.docker
def test_grade_public_only_runs_only_the_examples(wrong_submission, docker_sandbox):
    report = json.loads(grader("grade", FIXTURE, wrong_submission, "--json", "--public-only").stdout)
    assert report["public_only"] is True and {t["visibility"] for t in report["tests"]} == {"public"}


def test_grade_without_a_docker_engine_is_a_system_error_exit_3(wrong_submission):
    result = grader("grade", FIXTURE, wrong_submission, env={"DOCKER_HOST": "unix:///nonexistent/docker.sock"})
    assert result.returncode == 3
    assert "system error (not the submission's fault; retry): the Docker engine is not reachable" in result.stderr


def test_grade_on_a_malformed_problem_exits_2_naming_the_file(tmp_path, wrong_submission):
    broken = tmp_path / "vector-norm"
    shutil.copytree(FIXTURE, broken)
    (broken / "problem.toml").write_text((broken / "problem.toml").read_text().replace('entry_point = "row_norms"\n', ""))
    result = grader("grade", broken, wrong_submission)
    assert result.returncode == 2 and "problem.toml: entry_point: required" in result.stderr


def test_grade_with_a_missing_submission_file_exits_2(tmp_path):
    result = grader("grade", FIXTURE, tmp_path / "nope.py")
    assert result.returncode == 2 and "No such file" in result.stderr


@pytest.mark.docker
def test_check_fails_when_a_wrong_solution_is_accepted(tmp_path, docker_sandbox):
    broken = tmp_path / "vector-norm"
    shutil.copytree(FIXTURE, broken)
    shutil.copy(broken / "reference.py", broken / "wrong" / "actually_right.py")
    result = grader("check", broken)
    assert result.returncode == 1
    assert "FAIL  wrong/actually_right.py" in result.stdout and "0 of 1 problems ok" in result.stdout
