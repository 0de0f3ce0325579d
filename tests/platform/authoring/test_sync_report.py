"""Problem sync as authors see it: a malformed folder is reported (file and field) and never replaces the
published version; drafts are previewable by authors and invisible to solvers."""
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from mljudge.authoring.models import SyncRun, SyncStatus
from mljudge.authoring.services import sync_run_execute
from mljudge.problemset.models import Problem

pytestmark = pytest.mark.django_db


def sync(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("sync_problems", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def break_toml(bank):
    toml = bank / "vector-norm" / "problem.toml"
    toml.write_text(toml.read_text().replace('difficulty = "easy"', 'difficulty = "impossible"')
                    .replace('title = "Row norms (test fixture)"\n', ""))


def test_it_reports_a_malformed_folder_by_file_and_field_and_keeps_the_published_version(bank):
    out, _ = sync(bank)
    assert "vector-norm: created" in out
    before = Problem.objects.get(slug="vector-norm")
    break_toml(bank)
    out, err = sync(bank)
    assert "vector-norm: INVALID, not loaded" in err
    assert "problem.toml: title: required" in err and "problem.toml: difficulty" in err
    assert "0 problem(s) synced, 1 invalid" in out
    after = Problem.objects.get(slug="vector-norm")
    assert (after.is_active, after.title, after.current_version_id) == (True, before.title, before.current_version_id)


def test_it_reports_a_failing_cases_file(bank):
    (bank / "vector-norm" / "cases.py").write_text("def cases():\n    raise RuntimeError('boom')\n")
    _, err = sync(bank)
    assert "cases.py: " in err and "RuntimeError: boom" in err


def test_it_shows_authors_the_sync_report_page_and_refuses_solvers(client, bank, author, make_user):
    break_toml(bank)
    client.force_login(make_user("sol"))
    assert client.post(reverse("authoring:sync")).status_code == 403
    assert not Problem.objects.exists()
    client.force_login(author)
    response = client.post(reverse("authoring:sync"))   # queues the run; a worker syncs
    run = SyncRun.objects.get()
    assert response.status_code == 302 and response.url == reverse("authoring:sync_run", args=[run.id])
    assert sync_run_execute(run_id=run.id).status == SyncStatus.DONE   # what the worker runs
    html = client.get(response.url).content.decode()
    assert "vector-norm" in html and "problem.toml: title: required" in html and "not loaded" in html
    client.force_login(make_user("sol2"))
    assert client.get(response.url).status_code == 403


def test_it_keeps_a_draft_from_solvers_and_shows_it_to_authors(client, bank, author, make_user):
    out, _ = sync(bank, "--draft")
    assert "vector-norm: draft" in out
    problem = Problem.objects.get(slug="vector-norm")
    assert problem.is_draft and not problem.is_active
    client.force_login(make_user("sol"))
    assert "vector-norm" not in client.get(reverse("problemset:catalogue")).content.decode()
    assert client.get(reverse("problemset:detail", args=["vector-norm"])).status_code == 404
    assert client.post(reverse("submissions:submit", args=["vector-norm"]), {"source": "x = 1"}).status_code == 404
    assert client.get(reverse("authoring:draft", args=["vector-norm"])).status_code == 403
    client.force_login(author)
    html = client.get(reverse("authoring:draft", args=["vector-norm"])).content.decode()
    assert "Row norms" in html and "Draft preview" in html
    # Published by a sync without the flag; afterwards a draft sync cannot hide it again.
    assert "vector-norm: updated" in sync(bank)[0]
    assert Problem.objects.get(slug="vector-norm").is_active
    (bank / "vector-norm" / "DRAFT").write_text("")
    assert "draft refused" in sync(bank)[0]
    assert Problem.objects.get(slug="vector-norm").is_active
    assert client.get(reverse("authoring:draft", args=["vector-norm"])).status_code == 404
