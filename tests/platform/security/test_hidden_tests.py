"""What a hidden test reveals (issue 11): its ordinal, verdict, a coarse time and the author's failure category,
and nothing else, on every path a solver can reach. The grader decides it once (grader.Report.for_solver,
grader.solver_stream); this feeds a grade whose hidden tests carry a unique canary in every field through the
real worker steps (claim, progress recorder, complete) and every solver-facing page, and finds none of them.
The reviewer's page, which shows the full report, finds them all."""
from __future__ import annotations

import json

import grader
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from mljudge.grading import reports
from mljudge.grading import services as grading
from mljudge.submissions.models import Status, Submission

pytestmark = [pytest.mark.django_db, pytest.mark.services]

# One canary per hidden field; each is unique, so a hit says which field leaked.
CANARIES = {
    "name": "CANARY-NAME-7f3a", "input": "CANARY-INPUT-91bd", "expected": "CANARY-EXPECTED-2c4e",
    "got": "CANARY-GOT-d815", "message": "CANARY-MESSAGE-5e0c", "hidden_stdout": "CANARY-STDOUT-a6f2",
}


def full_tests() -> list[grader.TestResult]:
    public = grader.TestResult(name="example-1", visibility=grader.Visibility.PUBLIC,
                               verdict=grader.Verdict.ACCEPTED, passed=True, time_s=0.0123, input="x=1",
                               expected="1", got="1")
    hidden = [grader.TestResult(name=f"{CANARIES['name']}-{n}", visibility=grader.Visibility.HIDDEN,
                                verdict=verdict, passed=verdict is grader.Verdict.ACCEPTED, time_s=0.1234 * n,
                                message=f"{CANARIES['message']}-{n}", input=f"{CANARIES['input']}-{n}",
                                expected=f"{CANARIES['expected']}-{n}", got=f"{CANARIES['got']}-{n}",
                                score=0.25, covers=["empty-cluster"])
              for n, verdict in ((1, grader.Verdict.ACCEPTED), (2, grader.Verdict.WRONG_ANSWER))]
    return [public, *hidden]


def full_report(problem) -> grader.Report:
    return grader.Report(problem=problem.slug, problem_version=1, verdict=grader.Verdict.WRONG_ANSWER, score=0.5,
                         tests=full_tests(), stdout="public print", hidden_stdout=CANARIES["hidden_stdout"],
                         passed=2, total=3, time_s=0.3825, wall_time_s=0.9)


def assert_no_canary(text: str, where: str) -> None:
    leaked = [field for field, canary in CANARIES.items() if canary in text]
    assert not leaked, f"{where} shows hidden {', '.join(leaked)}"


@pytest.fixture
def running(make_user, make_problem, make_submission):
    """A submission claimed by a worker, as grading.services.submission_grade holds it."""
    submission = make_submission(make_user("owner"), make_problem("toy"))
    return grading.submission_claim(submission_id=submission.id)


@pytest.fixture
def reviewer(running, make_user):
    from mljudge.cohorts.services import cohort_create, cohort_join

    teacher = make_user("teacher")
    teacher.groups.add(Group.objects.get_or_create(name="instructor")[0])
    cohort_join(user=running.submission.user, token=cohort_create(instructor=teacher, name="ML 101").invite_token,
                share_past=True)
    return teacher


def solver_pages(client, submission_id: int, slug: str) -> dict[str, str]:
    return {
        "submission page": client.get(reverse("submissions:detail", args=[submission_id])).content.decode(),
        "status fragment": client.get(reverse("submissions:status", args=[submission_id])).content.decode(),
        "history": client.get(reverse("submissions:history")).content.decode(),
        "problem page": client.get(reverse("problemset:detail", args=[slug])).content.decode(),
    }


def test_it_shows_no_hidden_name_input_output_message_or_print_on_any_solver_path(client, running, reviewer):
    submission, problem = running.submission, running.submission.problem
    client.force_login(submission.user)

    # While grading runs: the worker's progress recorder gets the full tests (reveal_hidden=True).
    record = grading._progress_recorder(claim=running, total=3)
    for test in full_tests():
        record(test)
        assert_no_canary(json.dumps(Submission.objects.get(id=submission.id).progress), "stored progress")
        fragment = client.get(reverse("submissions:status", args=[submission.id])).content.decode()
        assert_no_canary(fragment, "live progress fragment")
    assert "Hidden test 2" in fragment and "0.2 s" in fragment and "3 of 3 tests run" in fragment  # it rendered

    # Graded: the full report is stored; the solver sees the grader's view of it.
    report = full_report(problem)
    assert grading.submission_complete(claim=running, report=report)
    assert_no_canary(json.dumps(report.for_solver().to_dict()), "the grader's solver JSON")
    assert_no_canary(json.dumps(reports.solver_report(report.to_dict()).to_dict()), "the platform's solver view")
    pages = solver_pages(client, submission.id, problem.slug)
    for where, html in pages.items():
        assert_no_canary(html, where)
    assert "Hidden test 1" in pages["status fragment"] and "failed: empty-cluster" in pages["status fragment"]
    assert "Hidden test 1" in pages["submission page"] and "public print" in pages["submission page"]

    client.force_login(reviewer)
    review = client.get(reverse("review:submission", args=[submission.id])).content.decode()
    assert all(canary in review for canary in CANARIES.values()), "the reviewer sees the full report"


def test_it_shows_no_hidden_name_from_progress_stored_by_an_older_recorder(client, make_user, make_problem,
                                                                             make_submission):
    # Before issue 11 the recorder stored each hidden test's real name; such rows are read through the view too.
    submission = make_submission(make_user(), make_problem(), status=Status.RUNNING, progress={"total": 2, "tests": [
        {"name": "example-1", "visibility": "public", "verdict": "accepted", "ran": True, "time_s": 0.01},
        {"name": CANARIES["name"], "visibility": "hidden", "verdict": "wrong_answer", "ran": True, "time_s": 0.2,
         "message": CANARIES["message"], "got": CANARIES["got"]}]})
    client.force_login(submission.user)
    fragment = client.get(reverse("submissions:status", args=[submission.id])).content.decode()
    assert_no_canary(fragment, "live progress fragment")
    assert "example-1" in fragment and "Hidden test 1" in fragment


def test_it_shows_nothing_of_a_stored_report_it_cannot_read(client, make_user, make_problem, make_submission):
    unreadable = {"tests": [{"name": CANARIES["name"], "visibility": "hidden", "got": CANARIES["got"]}]}
    submission = make_submission(make_user(), make_problem(), status=Status.GRADED, report=unreadable)
    client.force_login(submission.user)
    for where, html in solver_pages(client, submission.id, submission.problem.slug).items():
        assert_no_canary(html, where)
