"""Writes of assignments (create and edit, extensions, publishing grades) and mock interviews (start, end,
open a problem). Rules (late penalty, counting, hidden results, a session's end) are policy.py's."""
from __future__ import annotations

import csv
import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404

from mljudge.accounts.selectors import display_name_for
from mljudge.cohorts.selectors import cohort_for_instructor, cohort_members
from mljudge.core.refusals import Reason, Refused
from mljudge.problemset.models import Kind, Problem
from mljudge.submissions.models import Submission

from . import policy, selectors
from .models import (Assignment, AssignmentProblem, Counting, Extension, HideResults, LatePolicy, MockProblem,
                     MockSession)

MAX_PROBLEMS = 30
TITLE_MAX = 200


class AssessmentRefused(Refused):
    """An assignment, extension or mock interview that cannot be saved as asked (core.refusals has the reasons)."""


@dataclass(frozen=True)
class AssignmentData:
    title: str
    opens_at: datetime | None
    due_at: datetime | None
    problems: list[tuple[str, int]]        # (slug, points), in order
    description: str = ""
    late_policy: str = LatePolicy.NONE
    late_percent_per_day: int = 10
    late_cutoff_days: int = 3
    counting: str = Counting.LAST
    hide_results: str = HideResults.NO


def _checked(data: AssignmentData) -> list[tuple[Problem, int]]:
    if not data.title.strip() or len(data.title) > TITLE_MAX or "\x00" in data.title + data.description:
        raise AssessmentRefused(Reason.ASSIGNMENT_UNTITLED)
    if not data.problems or len(data.problems) > MAX_PROBLEMS:
        raise AssessmentRefused(Reason.ASSIGNMENT_NO_PROBLEMS, limit=MAX_PROBLEMS)
    if data.opens_at is None or data.due_at is None or data.due_at <= data.opens_at:
        raise AssessmentRefused(Reason.ASSIGNMENT_TIMES)
    per_day = data.late_policy == LatePolicy.PER_DAY
    if (data.late_policy not in LatePolicy.values or data.counting not in Counting.values
            or data.hide_results not in HideResults.values
            or not all(1 <= points <= policy.MAX_POINTS for _, points in data.problems)
            or (per_day and not (0 <= data.late_percent_per_day <= 100
                                 and 1 <= data.late_cutoff_days <= policy.MAX_CUTOFF_DAYS))):
        raise AssessmentRefused(Reason.ASSIGNMENT_RULES, max_points=policy.MAX_POINTS,
                                max_days=policy.MAX_CUTOFF_DAYS)
    found = {p.slug: p for p in Problem.objects.filter(slug__in=[s for s, _ in data.problems], is_active=True,
                                                       is_draft=False)}
    out, seen = [], set()
    for slug, points in data.problems:
        if slug not in found:
            raise AssessmentRefused(Reason.ASSIGNMENT_UNKNOWN_PROBLEM, slug=slug[:100])
        if slug not in seen:
            seen.add(slug)
            out.append((found[slug], points))
    return out


def assignment_save(*, instructor: AbstractBaseUser, cohort_id: int, data: AssignmentData,
                    assignment_id: int | None = None) -> Assignment:
    """Creates an assignment in a cohort the instructor instructs, or edits one of its assignments (its
    problem list replaced). Grades are computed from the rows, so an edit re-grades everyone at once."""
    cohort = cohort_for_instructor(user=instructor, cohort_id=cohort_id)   # Http404 for others' cohorts
    problems = _checked(data)
    per_day = data.late_policy == LatePolicy.PER_DAY
    fields = {"title": data.title.strip(), "description": data.description, "opens_at": data.opens_at,
              "due_at": data.due_at, "late_policy": data.late_policy, "counting": data.counting,
              "late_percent_per_day": data.late_percent_per_day if per_day else 0,
              "late_cutoff_days": data.late_cutoff_days if per_day else 0, "hide_results": data.hide_results}
    before: set[int] = set()
    with transaction.atomic():
        if assignment_id is None:
            assignment = Assignment.objects.create(cohort=cohort, created_by=instructor, **fields)
        else:
            assignment = Assignment.objects.select_for_update().filter(id=assignment_id, cohort=cohort).first()
            if assignment is None:
                raise Http404("No such assignment")
            for name, value in fields.items():
                setattr(assignment, name, value)
            assignment.results_recorded_at = None   # a new due time: the sweep records again once it passes
            assignment.save()
            before = set(assignment.items.values_list("problem_id", flat=True))
            assignment.items.all().delete()
        AssignmentProblem.objects.bulk_create([
            AssignmentProblem(assignment=assignment, problem=problem, points=points, position=n)
            for n, (problem, points) in enumerate(problems)])
    # What it hides may have changed (its times, its rule, its problems, old ones included).
    results_record(assignment=assignment, problem_ids=before | {p.pk for p, _ in problems})
    return assignment


def assignment_publish(*, instructor: AbstractBaseUser, assignment_id: int, now: datetime,
                       publish: bool = True) -> Assignment:
    """Publishes the grades (hidden results become visible), or withdraws the publication."""
    assignment = selectors.assignment_for_instructor(user=instructor, assignment_id=assignment_id)
    if publish:
        # Unmarked until recorded: if recording dies half-way, the sweep (results_record_due) finishes it.
        changed = Assignment.objects.filter(id=assignment.id, published_at__isnull=True).update(
            published_at=now, results_recorded_at=None)
    else:
        changed = Assignment.objects.filter(id=assignment.id, published_at__isnull=False).update(
            published_at=None, results_recorded_at=None)
    assignment.refresh_from_db()
    if changed:
        results_record(assignment=assignment)
        if publish:
            Assignment.objects.filter(id=assignment.id, results_recorded_at__isnull=True).update(
                results_recorded_at=now)
    return assignment


def extension_grant(*, instructor: AbstractBaseUser, assignment_id: int, username: str,
                    due_at: datetime | None) -> Extension | None:
    """Gives one student their own due time (replacing an earlier extension); due_at None removes it."""
    assignment = selectors.assignment_for_instructor(user=instructor, assignment_id=assignment_id)
    student = cohort_members(cohort=assignment.cohort).filter(username__iexact=username.strip()).first()
    if student is None:
        raise AssessmentRefused(Reason.EXTENSION_NOT_MEMBER, username=username.strip()[:150] or "(nobody)")
    if due_at is None:
        Extension.objects.filter(assignment=assignment, user=student).delete()
        results_record(assignment=assignment, user_ids=[student.pk])
        return None
    if due_at <= assignment.due_at:
        raise AssessmentRefused(Reason.EXTENSION_TOO_EARLY, due=f"{assignment.due_at:%Y-%m-%d %H:%M}")
    extension, _ = Extension.objects.update_or_create(assignment=assignment, user=student, defaults={
        "due_at": due_at, "granted_by": instructor, "results_recorded_at": None})
    results_record(assignment=assignment, user_ids=[student.pk])   # hidden again until their own due time
    return extension


# --- hidden results: recorded when the hiding ends -----------------------------------------------------

def results_record(*, assignment: Assignment, user_ids: Iterable[int] | None = None,
                   problem_ids: Iterable[int] | None = None) -> int:
    """After what an assignment hides changed (grades published or withdrawn, a due time passed, an edit, an
    extension): re-derives what its students' results count for, as selectors.hidden_results now says — the
    leaderboards' BestResult (which bumps the cached pages' revisions) and the editorial an accepted solve opens —
    for each member × problem with a submission. Each pair in its own short transaction (the same as a grade's),
    so a large cohort never holds its users' locks together; running it twice changes nothing. Returns the pairs."""
    from mljudge.leaderboards.services import best_result_recompute
    from mljudge.learning.services import editorial_unlock_on_solve

    problems = (list(problem_ids) if problem_ids is not None
                else AssignmentProblem.objects.filter(assignment=assignment).values("problem_id"))
    pairs = Submission.objects.filter(user_id__in=cohort_members(cohort=assignment.cohort).values("pk"),
                                      problem_id__in=problems, mode__in=selectors.COUNTED_MODES)
    if user_ids is not None:
        pairs = pairs.filter(user_id__in=list(user_ids))
    done = 0
    for user_id, problem_id in pairs.order_by().values_list("user_id", "problem_id").distinct():
        with transaction.atomic():
            best_result_recompute(user_id=user_id, problem_id=problem_id)
            editorial_unlock_on_solve(user_id=user_id, problem_id=problem_id)
        done += 1
    return done


def results_record_due(*, now: datetime) -> int:
    """The sweep (a beat task every minute): records the results of assignments that stopped hiding them —
    published ones whose recording did not finish, and those hidden until a due time that has passed (the
    assignment's own for the students without a later extension, then each extension's). Marked only after
    recording, so a sweep that died half-way is redone by the next (recording is idempotent). Bounded: each
    publication and each due time is recorded once (an edit, an extension or a withdrawal clears the mark)."""
    done = 0
    ended = (Q(published_at__isnull=False) | Q(hide_results=HideResults.UNTIL_DUE, due_at__lte=now))
    assignments = (Assignment.objects.filter(ended, results_recorded_at__isnull=True)
                   .exclude(hide_results=HideResults.NO).select_related("cohort"))
    for assignment in assignments:
        students = cohort_members(cohort=assignment.cohort).values_list("pk", flat=True)
        if assignment.published_at is None:
            students = students.exclude(pk__in=Extension.objects.filter(assignment=assignment, due_at__gt=now)
                                        .values("user_id"))
        done += results_record(assignment=assignment, user_ids=list(students))
        Assignment.objects.filter(id=assignment.id, results_recorded_at__isnull=True).update(results_recorded_at=now)
    extensions = Extension.objects.filter(
        assignment__hide_results=HideResults.UNTIL_DUE, assignment__published_at__isnull=True,
        results_recorded_at__isnull=True, due_at__lte=now).select_related("assignment__cohort")
    for extension in extensions:
        done += results_record(assignment=extension.assignment, user_ids=[extension.user_id])
        Extension.objects.filter(id=extension.id, results_recorded_at__isnull=True).update(results_recorded_at=now)
    return done


def _points(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def gradebook_csv(*, instructor: AbstractBaseUser, assignment_id: int, out, now: datetime) -> Assignment:
    """The gradebook as CSV: one row per member, per problem its points and a late/extension mark, the total."""
    assignment = selectors.assignment_for_instructor(user=instructor, assignment_id=assignment_id)
    book = selectors.gradebook(assignment=assignment, now=now)
    writer = csv.writer(out)
    slugs = [item.problem.slug for item in book.items]
    writer.writerow(["username", "display_name", "due", *slugs, *[f"{s} days late" for s in slugs], "total",
                     f"out of {book.max_total}"])
    for row in book.rows:
        # A leading =, +, - or @ would be a formula in a spreadsheet: quote it as text.
        safe = [("'" + v if v and v[0] in "=+-@" else v) for v in (row.user.username, display_name_for(user=row.user))]
        writer.writerow([*safe, row.due.isoformat(), *[_points(c.points) for c in row.cells],
                         *[c.late_days for c in row.cells], f"{row.total:g}", ""])
    return assignment


# --- mock interviews ---------------------------------------------------------------------------------

def mock_pool(*, difficulty: str = "", topic: str = "") -> QuerySet[Problem]:
    """The problems a session may draw from: the live catalogue, by difficulty and/or topic."""
    pool = Problem.objects.filter(is_active=True, is_draft=False)
    if difficulty:
        pool = pool.filter(difficulty=difficulty)
    if topic:
        pool = pool.filter(topics__slug=topic)
    return pool.distinct()


def mock_pool_from_plan(*, problem_slugs: list[str]) -> QuerySet[Problem]:
    """The pool of a study plan (plans/*.toml, being added in parallel): its steps' problem slugs. The plan's
    own code hands the slugs over; mock_start takes the pool from here or from mock_pool."""
    return Problem.objects.filter(is_active=True, is_draft=False, slug__in=problem_slugs)


def mock_start(*, user: AbstractBaseUser, minutes: int, coding: int, with_design: bool, pool: QuerySet[Problem],
               source: str, now: datetime, rng: random.Random | None = None) -> MockSession:
    """Starts a timed session of `coding` (1 or 2) code problems and optionally one design question, drawn from
    `pool`. One session at a time: another running is refused."""
    if minutes not in policy.MOCK_LENGTHS or not 1 <= coding <= policy.MOCK_MAX_CODING:
        raise AssessmentRefused(Reason.MOCK_CHOICE, lengths=", ".join(map(str, policy.MOCK_LENGTHS)))
    rng = rng or random.SystemRandom()
    code_pool = list(pool.exclude(kind=Kind.DESIGN).values_list("id", flat=True))
    design_pool = list(pool.filter(kind=Kind.DESIGN).values_list("id", flat=True)) if with_design else []
    if len(code_pool) < coding or (with_design and not design_pool):
        raise AssessmentRefused(Reason.MOCK_NOTHING_TO_DRAW)
    drawn = rng.sample(sorted(code_pool), coding) + (rng.sample(sorted(design_pool), 1) if with_design else [])
    with transaction.atomic():
        # The user's row locked: two simultaneous starts cannot both find no session running.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        if selectors.mock_session_running(user=user, now=now):
            raise AssessmentRefused(Reason.MOCK_RUNNING)
        session = MockSession.objects.create(user=user, minutes=minutes, source=source[:120], started_at=now,
                                             ends_at=now + timedelta(minutes=minutes))
        MockProblem.objects.bulk_create([MockProblem(session=session, problem_id=pid, position=n)
                                         for n, pid in enumerate(drawn)])
    return session


def mock_end(*, user: AbstractBaseUser, session_id: int, now: datetime) -> MockSession:
    """The solver ends the session now (a session past its time limit has ended already: unchanged)."""
    session = selectors.mock_session_for(user=user, session_id=session_id)
    MockSession.objects.filter(id=session.id, ended_at__isnull=True, ends_at__gt=now).update(ended_at=now)
    session.refresh_from_db()
    return session


def mock_problem_open(*, user: AbstractBaseUser, session_id: int, problem_id: int, now: datetime) -> MockProblem:
    """Notes when the solver first opened a session's problem (its time is counted from then)."""
    session = selectors.mock_session_for(user=user, session_id=session_id)
    item = session.items.filter(problem_id=problem_id).select_related("problem").first()
    if item is None:
        raise Http404("No such problem in this mock interview")
    end = policy.mock_end_of(ends_at=session.ends_at, ended_at=session.ended_at)
    if now < end:
        MockProblem.objects.filter(id=item.id, opened_at__isnull=True).update(opened_at=now)
    return item
