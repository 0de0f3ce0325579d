import grader
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from mljudge.grading.reports import progress_recorder
from mljudge.submissions.models import Mode, Status, Verdict

from ..reports import hidden, public, report

pytestmark = pytest.mark.django_db

REPORT = report(
    public("example-1", input="PUBLIC-INPUT", expected="PUBLIC-EXPECTED", got="PUBLIC-GOT"),
    # A hidden test as the full report holds it: the page must still show none of it.
    hidden("hidden-big", verdict=Verdict.WRONG_ANSWER, message="SECRET-MESSAGE", input="SECRET-INPUT",
           expected="SECRET-EXPECTED", got="SECRET-GOT"))


@pytest.fixture
def graded(make_user, make_problem, make_submission):
    owner = make_user("owner")
    return make_submission(owner, make_problem(), status=Status.GRADED, verdict=Verdict.WRONG_ANSWER, passed=1,
                           total=2, report=REPORT, source="def f(x):\n    return 'MY-CODE'\n")


def test_it_shows_the_owner_their_code_and_public_details_but_no_hidden_details(client, graded):
    client.force_login(graded.user)
    for name in ("detail", "status"):
        html = client.get(reverse(f"submissions:{name}", args=[graded.id])).content.decode()
        assert "Wrong Answer" in html and "PUBLIC-INPUT" in html and "PUBLIC-EXPECTED" in html and "PUBLIC-GOT" in html
        assert "SECRET" not in html and "hidden-big" not in html
        assert "every 1s" not in html  # final: polling stops
    assert "MY-CODE" in client.get(reverse("submissions:detail", args=[graded.id])).content.decode()


def test_it_hides_other_peoples_submissions(client, graded, make_user):
    client.force_login(make_user("nosy"))
    assert client.get(reverse("submissions:detail", args=[graded.id])).status_code == 404
    assert client.get(reverse("submissions:status", args=[graded.id])).status_code == 404
    assert graded.id not in [s.id for s in client.get(reverse("submissions:history") + "?all=1").context["page"]]


@pytest.mark.parametrize("role", ["staff-flag", "staff"])  # instructors: tests/platform/instructors/
def test_it_lets_staff_and_instructors_see_everything(client, graded, make_user, role):
    user = make_user("teacher", staff=role == "staff-flag")
    if role != "staff-flag":
        user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    html = client.get(reverse("submissions:detail", args=[graded.id])).content.decode()
    assert "MY-CODE" in html and "SECRET" not in html
    assert graded.id in [s.id for s in client.get(reverse("submissions:history") + "?all=1").context["page"]]


def test_it_keeps_polling_while_grading_and_shows_tests_as_they_run(client, make_user, make_problem, make_submission):
    user, progress = make_user(), {}
    record = progress_recorder(total=3, store=progress.update)   # what the worker stores as tests are judged
    record(grader.TestResult(name="example-1", visibility=grader.Visibility.PUBLIC, verdict=grader.Verdict.ACCEPTED,
                             passed=True, time_s=0.01))
    submission = make_submission(user, make_problem(), status=Status.RUNNING, progress=progress)
    client.force_login(user)
    html = client.get(reverse("submissions:status", args=[submission.id])).content.decode()
    assert 'hx-trigger="every 1s"' in html and "example-1" in html and "1 of 3 tests run" in html


def test_it_lists_history_per_problem_and_overall(client, make_user, make_problem, make_submission):
    user = make_user()
    a, b = make_problem("a-prob"), make_problem("b-prob")
    mine = [make_submission(user, a), make_submission(user, b, mode=Mode.RUN)]
    make_submission(make_user(), a)
    client.force_login(user)
    overall = client.get(reverse("submissions:history")).context["page"]
    assert sorted(s.id for s in overall) == sorted(s.id for s in mine)
    per_problem = client.get(reverse("submissions:history"), {"problem": "a-prob"}).context["page"]
    assert [s.id for s in per_problem] == [mine[0].id]


def test_it_shows_system_errors_as_not_the_users_fault(client, make_user, make_problem, make_submission):
    user = make_user()
    submission = make_submission(user, make_problem(), status=Status.SYSTEM_ERROR, verdict=Verdict.SYSTEM_ERROR,
                                 message="Grading failed on our side after 3 attempt(s): this was not caused by your code")
    client.force_login(user)
    html = client.get(reverse("submissions:detail", args=[submission.id])).content.decode()
    assert "System Error" in html and "not caused by your code" in html


def test_a_queued_submission_says_how_many_are_ahead_of_it(client, make_user, make_problem, make_submission):
    problem = make_problem()
    others = [make_user(f"other{i}") for i in range(2)]
    for other in others:
        make_submission(other, problem, status=Status.QUEUED)
    mine = make_submission(make_user("me"), problem, status=Status.QUEUED)
    client.force_login(mine.user)
    html = client.get(reverse("submissions:status", args=[mine.id])).content.decode()
    assert "2 submissions ahead of yours" in html
    first = client.get(reverse("submissions:status", args=[mine.id - 2]))
    assert first.status_code == 404  # someone else's: not even its position is shown
