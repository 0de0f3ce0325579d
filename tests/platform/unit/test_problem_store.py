import pytest

from mljudge.problemset.models import Problem
from mljudge.problemset.services import ProblemData, SyncOutcome, problem_store

pytestmark = pytest.mark.django_db


def data(**kw) -> ProblemData:
    base = dict(slug="toy", title="Toy", kind="function", difficulty="easy", topics=["a", "b"],
                statement_md="Find $x$.", starter="def f(): ...", entry_point="f", declared_version=1,
                content_hash="hash-1")
    return ProblemData(**{**base, **kw})


def test_it_creates_a_problem_with_version_one_and_rendered_statement():
    problem, outcome = problem_store(data=data())
    assert outcome is SyncOutcome.CREATED
    assert problem.current_version.number == 1 and problem.current_version.content_hash == "hash-1"
    assert '<span class="math math-inline">x</span>' in problem.statement_html
    assert sorted(t.slug for t in problem.topics.all()) == ["a", "b"]


def test_it_is_unchanged_when_nothing_changed():
    problem_store(data=data())
    _, outcome = problem_store(data=data())
    assert outcome is SyncOutcome.UNCHANGED
    assert Problem.objects.get(slug="toy").versions.count() == 1


def test_it_updates_text_without_a_new_version():
    problem_store(data=data())
    problem, outcome = problem_store(data=data(title="Toy, clarified", statement_md="Better."))
    assert outcome is SyncOutcome.UPDATED
    assert problem.title == "Toy, clarified" and problem.versions.count() == 1


def test_it_adds_a_version_row_when_grading_content_changes():
    problem_store(data=data())
    problem, outcome = problem_store(data=data(content_hash="hash-2"))
    assert outcome is SyncOutcome.NEW_VERSION
    assert [v.number for v in problem.versions.all()] == [2, 1]
    assert Problem.objects.get(slug="toy").current_version.content_hash == "hash-2"
    _, outcome = problem_store(data=data(content_hash="hash-2", declared_version=2))
    assert outcome is SyncOutcome.NEW_VERSION
