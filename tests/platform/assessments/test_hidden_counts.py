"""Issue 16: a result an assignment hides is not counted anywhere before the hiding ends — not on the leaderboards
(global and per problem), the catalogue (the solver's mark, acceptance and "solved by"), the profile, the plans
("Next in plan"), the editorial, webhooks, nor a design answer's page — to its author or anyone else; then it
counts everywhere after the grades are published, or once the due time passed and the sweep ran. Grades go
through the real last step of grading (grading.services.submission_complete)."""
from __future__ import annotations

from datetime import timedelta

import grader
import pytest
from django.core.cache import cache
from django.utils import timezone

from mljudge.grading import services as grading
from mljudge.submissions.models import Status, Submission

pytestmark = [pytest.mark.django_db, pytest.mark.services]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def world(classroom, assignment_of, make_submission, make_user):
    """sam solves "toy" two hours ago for an assignment hidden until its due time (in a day); "toy" then "pair"
    make a plan; tia is a classmate, vic a visitor outside the cohort."""
    from mljudge.assessments.models import HideResults
    from mljudge.learning.models import PlanStep, StudyPlan
    from mljudge.problemset.models import Problem

    now = timezone.now()
    Problem.objects.filter(pk=classroom["toy"].pk).update(editorial_html="<p>EDITORIAL</p>")
    plan = StudyPlan.objects.create(slug="basics", title="Basics", position=1, summary="s")
    PlanStep.objects.create(plan=plan, problem=classroom["toy"], position=1, why="first")
    PlanStep.objects.create(plan=plan, problem=classroom["pair"], position=2, why="second")
    assignment = assignment_of(hide_results=HideResults.UNTIL_DUE, opens_at=now - timedelta(days=1),
                               due_at=now + timedelta(days=1))
    sub = make_submission(classroom["sam"], classroom["toy"])
    Submission.objects.filter(id=sub.id).update(created_at=now - timedelta(hours=2))
    claim = grading.submission_claim(submission_id=sub.id)
    assert grading.submission_complete(claim=claim, report=grader.Report(
        problem="toy", problem_version=1, verdict=grader.Verdict.ACCEPTED, score=1.0, passed=1, total=1))
    return {**classroom, "assignment": assignment, "sub": Submission.objects.get(id=sub.id),
            "vic": make_user("vic")}


def _seen_as_solved(w, viewer) -> dict[str, bool]:
    """Every reader of "did sam solve toy", as `viewer` meets it."""
    from mljudge.api.payloads import submission_payload
    from mljudge.leaderboards.models import BestResult
    from mljudge.leaderboards.selectors import (leaderboard_for_problem, leaderboard_global, problem_stats,
                                                profile_for_viewer, with_solve_stats)
    from mljudge.learning.models import EditorialUnlock
    from mljudge.problemset.models import Problem

    sam, toy = w["sam"], w["toy"]
    counts = with_solve_stats(Problem.objects.filter(pk=toy.pk)).get()
    profile = profile_for_viewer(username="sam", viewer=viewer)
    stats = problem_stats(problem=toy)
    return {
        "best result": BestResult.objects.filter(user=sam, problem=toy).exists(),
        "problem board": leaderboard_for_problem(problem=toy, viewer=viewer).count > 0,
        "global board": leaderboard_global(viewer=viewer).count > 0,
        "problem stats": stats.accepted > 0 or stats.users_solved > 0 or stats.attempts > 0,
        "catalogue counts": counts.accepted_count > 0 or counts.solved_count > 0,
        "profile": profile.accepted > 0 or profile.graded > 0 or profile.standing is not None
        or bool(profile.solved_by_topic),
        "editorial unlocked": EditorialUnlock.objects.filter(user=sam, problem=toy).exists(),
        "webhook payload": submission_payload(submission=w["sub"])["verdict"] is not None,
    }


def _seen_by_sam(w, client) -> dict[str, bool]:
    """What only sam meets: the catalogue's mark, the plans, "Next in plan", the editorial on the problem page."""
    from mljudge.learning.selectors import editorial_unlock_for, next_in_plan_after, plans_for
    from mljudge.problemset.selectors import problem_catalogue

    sam, toy = w["sam"], w["toy"]
    client.force_login(sam)
    return {
        "catalogue mark": problem_catalogue(user=sam).get(pk=toy.pk).solve_status == "solved",
        "catalogue page": 'class="status-solved"' in client.get("/problems/").content.decode(),
        "plan progress": plans_for(user=sam)[0].solved > 0,
        "plan page": "1 of 2 solved" in client.get("/plans/basics/").content.decode(),
        "plans page": "1 of 2 solved" in client.get("/plans/").content.decode(),
        "next in plan": next_in_plan_after(submission=w["sub"]) is not None,
        "editorial": editorial_unlock_for(user=sam, problem=toy) != "",
        "editorial page": "EDITORIAL" in client.get("/problems/toy/").content.decode(),
    }


def _everything(w, client) -> dict[str, bool]:
    out = {f"sam: {k}": v for k, v in _seen_as_solved(w, w["sam"]).items()}
    out |= {f"tia: {k}": v for k, v in _seen_as_solved(w, w["tia"]).items()}
    out |= {f"vic: {k}": v for k, v in _seen_as_solved(w, w["vic"]).items()}
    client.force_login(w["vic"])
    out["vic: problem board page"] = 'data-user="sam"' in client.get("/leaderboard/problems/toy/").content.decode()
    out["vic: global board page"] = 'data-user="sam"' in client.get("/leaderboard/").content.decode()
    return out | {f"sam: {k}": v for k, v in _seen_by_sam(w, client).items()}


def _nothing_seen(got: dict[str, bool]) -> None:
    assert [k for k, v in got.items() if v] == []


def _all_seen(got: dict[str, bool]) -> None:
    assert [k for k, v in got.items() if not v] == []


def test_a_hidden_accepted_submission_counts_nowhere(world, client):
    _nothing_seen(_everything(world, client))


def test_publishing_the_grades_counts_it_everywhere(world, client):
    from mljudge.assessments.services import assignment_publish

    _nothing_seen(_everything(world, client))   # cached pages keyed by the revisions the publication bumps
    assignment_publish(instructor=world["ida"], assignment_id=world["assignment"].id, now=timezone.now())
    _all_seen(_everything(world, client))


def test_withdrawing_the_publication_hides_it_again_except_the_editorial_already_opened(world, client):
    from mljudge.assessments.services import assignment_publish

    assignment_publish(instructor=world["ida"], assignment_id=world["assignment"].id, now=timezone.now())
    assignment_publish(instructor=world["ida"], assignment_id=world["assignment"].id, now=timezone.now(),
                       publish=False)
    got = _everything(world, client)
    assert {k for k, v in got.items() if v} == {"sam: editorial unlocked", "tia: editorial unlocked",
                                                 "vic: editorial unlocked", "sam: editorial", "sam: editorial page"}


def _due_passes(world, *, ago=timedelta(hours=1)) -> None:
    """Time moves past the due time (its row moved back: the clock is the database's and the web process's)."""
    from mljudge.assessments.models import Assignment

    Assignment.objects.filter(id=world["assignment"].id).update(due_at=timezone.now() - ago)


def test_the_due_time_passing_counts_it_once_the_sweep_ran(world, client):
    from mljudge.assessments.tasks import record_ended_hidden_results

    _nothing_seen(_everything(world, client))
    _due_passes(world)
    assert record_ended_hidden_results() == 1
    _all_seen(_everything(world, client))
    assert record_ended_hidden_results() == 0   # recorded once


def test_an_extended_student_counts_only_after_their_own_due_time(world, client, make_submission):
    from mljudge.assessments.models import Extension
    from mljudge.assessments.services import extension_grant
    from mljudge.assessments.tasks import record_ended_hidden_results
    from mljudge.leaderboards.models import BestResult

    extension_grant(instructor=world["ida"], assignment_id=world["assignment"].id, username="sam",
                    due_at=world["assignment"].due_at + timedelta(days=2))
    _due_passes(world)
    assert record_ended_hidden_results() == 0
    assert not BestResult.objects.filter(user=world["sam"]).exists()
    Extension.objects.filter(user=world["sam"]).update(due_at=timezone.now() - timedelta(minutes=1))
    assert record_ended_hidden_results() == 1
    _all_seen(_everything(world, client))


def test_until_published_stays_uncounted_after_the_due_time(world, client):
    from mljudge.assessments.models import Assignment, HideResults
    from mljudge.assessments.tasks import record_ended_hidden_results

    Assignment.objects.filter(id=world["assignment"].id).update(hide_results=HideResults.UNTIL_PUBLISHED)
    _due_passes(world)
    assert record_ended_hidden_results() == 0
    _nothing_seen(_everything(world, client))


def test_a_publication_whose_recording_died_is_finished_by_the_sweep(world, client):
    from unittest import mock

    from mljudge.assessments.models import Assignment
    from mljudge.assessments.services import assignment_publish
    from mljudge.assessments.tasks import record_ended_hidden_results

    with mock.patch("mljudge.assessments.services.results_record", side_effect=RuntimeError("worker died")):
        with pytest.raises(RuntimeError):
            assignment_publish(instructor=world["ida"], assignment_id=world["assignment"].id, now=timezone.now())
    assert Assignment.objects.get(id=world["assignment"].id).results_recorded_at is None
    assert record_ended_hidden_results() == 1
    _all_seen(_everything(world, client))


def test_an_edit_that_stops_hiding_counts_it_at_once(world, client):
    from mljudge.assessments.models import HideResults
    from mljudge.assessments.services import AssignmentData, assignment_save

    a = world["assignment"]
    assignment_save(instructor=world["ida"], cohort_id=a.cohort_id, assignment_id=a.id, data=AssignmentData(
        title=a.title, opens_at=a.opens_at, due_at=a.due_at, problems=[("toy", 10)], hide_results=HideResults.NO))
    _all_seen(_everything(world, client))


def test_a_new_hiding_assignment_uncounts_an_earlier_solve(classroom, assignment_of, make_submission):
    """The rule, not the moment of grading, decides: an assignment set after the grade hides it as well."""
    from mljudge.assessments.models import HideResults
    from mljudge.leaderboards.models import BestResult

    now = timezone.now()
    sub = make_submission(classroom["sam"], classroom["toy"])
    claim = grading.submission_claim(submission_id=sub.id)
    grading.submission_complete(claim=claim, report=grader.Report(
        problem="toy", problem_version=1, verdict=grader.Verdict.ACCEPTED, score=1.0, passed=1, total=1))
    assert BestResult.objects.filter(user=classroom["sam"], solved=True).exists()
    assignment_of(hide_results=HideResults.UNTIL_PUBLISHED, opens_at=now - timedelta(days=1),
                  due_at=now + timedelta(days=1))
    assert not BestResult.objects.filter(user=classroom["sam"]).exists()


def test_a_design_answer_s_published_rubric_is_hidden_with_its_result(classroom, assignment_of, client,
                                                                      make_problem, make_submission):
    from mljudge.assessments.models import HideResults
    from mljudge.assessments.services import assignment_publish
    from mljudge.learning.models import EditorialUnlock
    from mljudge.review.selectors import unread_feedback_ids
    from mljudge.review.services import rubric_grade_publish
    from mljudge.review.models import RubricGrade
    from mljudge.submissions.models import Mode

    design = make_problem("sys", kind="design")
    now = timezone.now()
    a = assignment_of(hide_results=HideResults.UNTIL_PUBLISHED, opens_at=now - timedelta(days=1),
                      due_at=now + timedelta(days=1), problems=[("sys", 10)])
    answer = make_submission(classroom["sam"], design, mode=Mode.DESIGN, status=Status.AWAITING_REVIEW,
                             source="my design", answer_html="<p>my design</p>")
    RubricGrade.objects.create(submission=answer, graded_by=classroom["ida"], points=7, max_points=10,
                               criteria=[{"name": "Scale", "max_points": 10, "points": 7, "comment": "RUBRIC-NOTE"}])
    rubric_grade_publish(by=classroom["ida"], submission_id=answer.id)
    client.force_login(classroom["sam"])
    page = client.get(f"/submissions/{answer.id}/").content.decode()
    assert "published-rubric" not in page and "RUBRIC-NOTE" not in page and "7 / 10" not in page
    assert unread_feedback_ids(user=classroom["sam"]) == set()
    assert not EditorialUnlock.objects.filter(user=classroom["sam"], problem=design).exists()
    assignment_publish(instructor=classroom["ida"], assignment_id=a.id, now=timezone.now())
    page = client.get(f"/submissions/{answer.id}/").content.decode()
    assert "published-rubric" in page and "RUBRIC-NOTE" in page
    assert EditorialUnlock.objects.filter(user=classroom["sam"], problem=design).exists()


def test_the_query_rule_and_the_per_submission_rule_agree(world, make_submission):
    """hidden_results (for counts) and results_hidden_until (for a submission's pages) are one rule: for a mix of
    submissions (a run, another problem, before the opening, a classmate's, one with an extension) they agree."""
    from mljudge.assessments.selectors import hidden_results, results_hidden_until
    from mljudge.assessments.services import extension_grant
    from mljudge.submissions.models import Mode

    extension_grant(instructor=world["ida"], assignment_id=world["assignment"].id, username="tia",
                    due_at=world["assignment"].due_at + timedelta(days=3))
    now = timezone.now()
    early = make_submission(world["sam"], world["toy"], status=Status.GRADED)
    Submission.objects.filter(id=early.id).update(created_at=now - timedelta(days=3))
    for user in (world["sam"], world["tia"], world["vic"]):
        make_submission(user, world["toy"], status=Status.GRADED)
        make_submission(user, world["toy"], mode=Mode.RUN, status=Status.GRADED)
        make_submission(user, world["pair"], status=Status.GRADED)
    later = now + timedelta(days=2)   # sam's due time passed, tia's extension not yet
    authors = dict(Submission.objects.values_list("id", "user_id"))
    hidden_by_moment = []
    for moment in (now, later):
        expected = {s.id for s in Submission.objects.all() if results_hidden_until(submission=s, now=moment)}
        assert set(Submission.objects.filter(hidden_results(now=moment)).values_list("id", flat=True)) == expected
        for user in (world["sam"], world["tia"], world["vic"]):
            mine = Submission.objects.filter(hidden_results(now=moment, user_id=user.pk))
            assert set(mine.values_list("id", flat=True)) == {i for i in expected if authors[i] == user.pk}
        hidden_by_moment.append({authors[i] for i in expected})
    assert hidden_by_moment == [{world["sam"].pk, world["tia"].pk}, {world["tia"].pk}]
