import shutil
from io import StringIO

import grader
import pytest
from django.core.management import call_command

from mljudge.problemset.models import Problem

from ..conftest import PROBLEMS

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(tmp_path):
    shutil.copytree(PROBLEMS / "softmax", tmp_path / "softmax")
    return tmp_path


def sync(path) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("sync_problems", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_loads_a_problem_with_its_content_hash_and_version(bank):
    out, _ = sync(bank)
    assert "softmax: created" in out
    problem = Problem.objects.get(slug="softmax")
    assert problem.kind == "function" and problem.entry_point == "softmax"
    declared = grader.load_problem(bank / "softmax").version  # the folder's own number, whatever it is now
    assert len(problem.current_version.content_hash) == 64 and problem.current_version.declared_version == declared
    assert "def softmax" in problem.starter and "math" in problem.statement_html
    assert "reference" not in problem.statement_html


def test_it_adds_a_version_when_grading_content_changes_and_not_otherwise(bank):
    sync(bank)
    out, _ = sync(bank)
    assert "softmax: unchanged" in out
    with open(bank / "softmax" / "reference.py", "a") as f:
        f.write("\n# a comment changes the content hash\n")
    out, _ = sync(bank)
    assert "softmax: new version" in out
    assert Problem.objects.get(slug="softmax").current_version.number == 2


def test_it_reports_an_invalid_folder_and_keeps_the_stored_version(bank):
    sync(bank)
    before = Problem.objects.get(slug="softmax")
    toml = bank / "softmax" / "problem.toml"
    toml.write_text(toml.read_text().replace('kind = "function"', 'kind = "puzzle"').replace("version = 1", "version = 2"))
    (bank / "broken").mkdir()
    out, err = sync(bank)
    assert "softmax: INVALID" in err and "kind" in err
    assert "broken: INVALID" in err and "problem.toml: missing" in err
    after = Problem.objects.get(slug="softmax")
    assert after.current_version_id == before.current_version_id and after.kind == "function"
    assert "0 problem(s) synced, 2 invalid" in out
