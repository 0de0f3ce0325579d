"""Reads of assignments and mock interviews. A gradebook is computed from the submission rows every time (no
stored grade to go stale: a rejudge or an override changes the cell by construction), counting only what each
member shares with the cohort (cohorts.selectors.cohort_submissions: the one consent rule)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from mljudge.cohorts.models import CohortRole, Membership, MembershipStatus
from mljudge.cohorts.selectors import (cohort_for_instructor, cohort_members, cohort_submissions,
                                      cohorts_instructed_by)
from mljudge.submissions.models import Mode, Status, Submission, Verdict

from . import policy
from .models import Assignment, AssignmentProblem, Extension, MockProblem, MockSession

COUNTED_MODES = (Mode.SUBMIT, Mode.DESIGN)   # runs of the public examples never count


# --- assignments: who sees which ------------------------------------------------------------------------

def _member_cohorts(*, user: AbstractBaseUser) -> QuerySet:
    return Membership.objects.filter(user=user, role=CohortRole.MEMBER,
                                     status=MembershipStatus.ACCEPTED).values("cohort_id")


# Lists of assignments carry their problems (one query for the whole page, not one per assignment).
_ITEMS = Prefetch("items", queryset=AssignmentProblem.objects.select_related("problem"))


def assignments_for_student(*, user: AbstractBaseUser, now: datetime) -> QuerySet[Assignment]:
    """Opened assignments of the cohorts the user is an accepted member of, soonest due first."""
    if not user.is_authenticated:
        return Assignment.objects.none()
    return (Assignment.objects.filter(cohort_id__in=_member_cohorts(user=user), opens_at__lte=now)
            .select_related("cohort").prefetch_related(_ITEMS).order_by("due_at", "id"))


def assignment_for_student(*, user: AbstractBaseUser, assignment_id: int, now: datetime) -> Assignment:
    assignment = assignments_for_student(user=user, now=now).filter(id=assignment_id).first()
    if assignment is None:
        raise Http404("No such assignment")
    return assignment


def assignments_of_cohort(*, instructor: AbstractBaseUser, cohort_id: int) -> QuerySet[Assignment]:
    cohort = cohort_for_instructor(user=instructor, cohort_id=cohort_id)   # Http404 for others' cohorts
    return (Assignment.objects.filter(cohort=cohort).select_related("cohort").prefetch_related(_ITEMS)
            .order_by("due_at", "id"))


def assignment_for_instructor(*, user: AbstractBaseUser, assignment_id: int) -> Assignment:
    """The assignment, or Http404 unless the user instructs its cohort (the same answer as for a missing id)."""
    assignment = (Assignment.objects.filter(id=assignment_id, cohort__in=cohorts_instructed_by(user=user))
                  .select_related("cohort").first())
    if assignment is None:
        raise Http404("No such assignment")
    return assignment


def assignment_items(*, assignment: Assignment) -> list[AssignmentProblem]:
    """Its problems in order; from the prefetch when the list selectors above made one (no query per row)."""
    if _ITEMS.prefetch_through in getattr(assignment, "_prefetched_objects_cache", {}):
        return list(assignment.items.all())
    return list(assignment.items.select_related("problem"))


def extension_due(*, assignment: Assignment, user_id: int) -> datetime | None:
    return Extension.objects.filter(assignment=assignment, user_id=user_id).values_list("due_at", flat=True).first()


# --- the gradebook ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Cell:
    """One student × one problem."""

    max_points: int
    points: float | None        # None: nothing counts yet (no graded submission by the cut-off)
    solved: bool
    counted_id: int | None      # the submission that counts
    late_days: int              # of the submission that counts
    attempts: int               # submissions made for the assignment (by the cut-off)
    pending: int                # of those, still being graded or awaiting review
    extended: bool
    hidden_until: datetime | bool = False   # policy.results_hidden_until, for the student's view

    @property
    def late(self) -> bool:
        return self.late_days > 0


@dataclass(frozen=True)
class Row:
    user: AbstractBaseUser
    due: datetime
    extended: bool
    cells: list[Cell]

    @property
    def total(self) -> float:
        return round(sum(c.points or 0.0 for c in self.cells), 2)


@dataclass(frozen=True)
class Gradebook:
    assignment: Assignment
    items: list[AssignmentProblem]
    rows: list[Row]
    max_total: int = field(default=0)


def _cell(*, assignment: Assignment, item: AssignmentProblem, subs: list[dict], due: datetime, extended: bool,
          now: datetime) -> Cell:
    problem = item.problem
    candidates, attempts, pending = [], 0, 0
    for row in subs:
        late = policy.lateness(late_policy=assignment.late_policy, percent_per_day=assignment.late_percent_per_day,
                               cutoff_days=assignment.late_cutoff_days, submitted_at=row["created_at"], due=due)
        if late is None:
            continue   # after the cut-off: it does not count
        attempts += 1
        if row["status"] != Status.GRADED:
            pending += row["status"] != Status.SYSTEM_ERROR
            continue
        solved, fraction = policy.problem_fraction(
            kind=problem.kind, verdict=row["verdict"], score=row["score"], score_override=row["score_override"],
            threshold=problem.score_threshold, low=problem.score_min, high=problem.score_max)
        candidates.append((policy.Candidate(submission_id=row["id"], created_at=row["created_at"],
                                            value=fraction * late.factor, lateness=late), solved))
    chosen = policy.counted([c for c, _ in candidates], counting=assignment.counting)
    solved = next((s for c, s in candidates if c is chosen), False)
    hidden = policy.results_hidden_until(hide_results=assignment.hide_results,
                                         published_at=assignment.published_at, due=due, now=now)
    return Cell(max_points=item.points, points=None if chosen is None else round(chosen.value * item.points, 2),
                solved=solved, counted_id=chosen and chosen.submission_id,
                late_days=chosen.lateness.days if chosen else 0, attempts=attempts, pending=pending,
                extended=extended, hidden_until=hidden)


def gradebook(*, assignment: Assignment, now: datetime, only: AbstractBaseUser | None = None) -> Gradebook:
    """Members × problems, computed from the submission rows. `only`: one student's row (their own view)."""
    items = assignment_items(assignment=assignment)
    members = list(cohort_members(cohort=assignment.cohort))
    if only is not None:
        members = [m for m in members if m.pk == only.pk]
    extensions = dict(Extension.objects.filter(assignment=assignment).values_list("user_id", "due_at"))
    dues = {m.pk: policy.effective_due(due_at=assignment.due_at, extension_due_at=extensions.get(m.pk))
            for m in members}
    last = policy.cutoff(late_policy=assignment.late_policy, cutoff_days=assignment.late_cutoff_days,
                         due=max(dues.values(), default=assignment.due_at))
    rows = (cohort_submissions(cohort=assignment.cohort)
            .filter(user_id__in=list(dues), problem_id__in=[i.problem_id for i in items], mode__in=COUNTED_MODES,
                    created_at__gte=assignment.opens_at, created_at__lte=last)
            .order_by("created_at", "id")
            .values("id", "user_id", "problem_id", "status", "verdict", "score", "score_override", "created_at"))
    by_cell: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for row in rows:
        by_cell[(row["user_id"], row["problem_id"])].append(row)
    book_rows = [Row(user=m, due=dues[m.pk], extended=m.pk in extensions, cells=[
        _cell(assignment=assignment, item=item, subs=by_cell[(m.pk, item.problem_id)], due=dues[m.pk],
              extended=m.pk in extensions, now=now) for item in items]) for m in members]
    return Gradebook(assignment=assignment, items=items, rows=book_rows, max_total=sum(i.points for i in items))


@dataclass(frozen=True)
class ProblemStats:
    item: AssignmentProblem
    attempted: int
    solved: int
    late: int
    mean_points: float


def assignment_stats(*, book: Gradebook) -> list[ProblemStats]:
    out = []
    for index, item in enumerate(book.items):
        cells = [row.cells[index] for row in book.rows]
        counted = [c.points for c in cells if c.points is not None]
        out.append(ProblemStats(item=item, attempted=sum(c.attempts > 0 for c in cells),
                                solved=sum(c.solved for c in cells), late=sum(c.late for c in cells),
                                mean_points=round(sum(counted) / len(cells), 2) if cells else 0.0))
    return out


# --- hidden results: the hook of the solver's view --------------------------------------------------

@dataclass(frozen=True)
class Hiding:
    """An unpublished assignment that hides results from one student, with that student's times."""

    problem_ids: frozenset[int]
    opens_at: datetime
    due: datetime          # the student's (their extension's, if any)
    cutoff: datetime
    hide_results: str


def _hidings(*, user_id: int | None) -> list[tuple[Q, Hiding]]:
    """(whose submissions, Hiding) for every unpublished assignment that hides results: of one user (one query
    when there are none, three otherwise), or of everybody (`user_id` None: its members by a subquery, one Hiding
    for those on the assignment's own due time and one per extension)."""
    assignments = Assignment.objects.filter(published_at__isnull=True).exclude(hide_results=policy.HideResults.NO)
    if user_id is not None:
        assignments = assignments.filter(cohort_id__in=_member_cohorts(user=user_id))
    assignments = list(assignments)
    if not assignments:
        return []
    items: dict[int, set[int]] = defaultdict(set)
    for assignment_id, problem_id in AssignmentProblem.objects.filter(
            assignment__in=assignments).values_list("assignment_id", "problem_id"):
        items[assignment_id].add(problem_id)
    extensions: dict[int, dict[int, datetime]] = defaultdict(dict)
    rows = Extension.objects.filter(assignment__in=assignments)
    for assignment_id, who, due in (rows if user_id is None else rows.filter(user_id=user_id)).values_list(
            "assignment_id", "user_id", "due_at"):
        extensions[assignment_id][who] = due

    def hiding(a: Assignment, extension_due: datetime | None) -> Hiding:
        due = policy.effective_due(due_at=a.due_at, extension_due_at=extension_due)
        return Hiding(problem_ids=frozenset(items[a.id]), opens_at=a.opens_at, due=due,
                      cutoff=policy.cutoff(late_policy=a.late_policy, cutoff_days=a.late_cutoff_days, due=due),
                      hide_results=a.hide_results)

    out = []
    for a in assignments:
        if user_id is not None:
            out.append((Q(user_id=user_id), hiding(a, extensions[a.id].get(user_id))))
            continue
        members = Q(user_id__in=Membership.objects.filter(cohort_id=a.cohort_id, role=CohortRole.MEMBER,
                                                         status=MembershipStatus.ACCEPTED).values("user_id"))
        out.append((members & ~Q(user_id__in=list(extensions[a.id])), hiding(a, None)))
        out.extend((members & Q(user_id=who), hiding(a, due)) for who, due in extensions[a.id].items())
    return out


def hiding_assignments(*, user_id: int) -> list[Hiding]:
    """The assignments that may hide this user's results (one query when there are none, three otherwise)."""
    return [h for _, h in _hidings(user_id=user_id)]


def hidden_results(*, now: datetime | None = None, user_id: int | None = None) -> Q:
    """The one rule of issue 16 for everything that counts results: a Q matching the submissions whose results
    are hidden now (results_hidden_until's rule, for a query), of one user or of everybody. Every reader of "did
    this user solve it / what did it score" excludes it: the leaderboards' BestResult, the catalogue's mark, the
    profile's counts, plan progress, editorial unlocks, the problem's verdict counts. Costs _hidings' queries once;
    its size grows with the unpublished hiding assignments (and their extensions), not with the submissions."""
    now = now or policy.now()
    out = Q(pk__in=[])   # matches nothing: exclude() keeps every row
    for who, h in _hidings(user_id=user_id):
        if not policy.results_hidden_until(hide_results=h.hide_results, published_at=None, due=h.due, now=now):
            continue
        clause = who & Q(problem_id__in=h.problem_ids, mode__in=COUNTED_MODES, created_at__gte=h.opens_at,
                         created_at__lte=h.cutoff)
        out |= clause
    return out


def results_hidden_until(*, submission: Submission, now: datetime | None = None,
                         hiding: list[Hiding] | None = None) -> datetime | bool:
    """Whether the author may see this submission's result yet (grading.reports.solver_view asks this for
    every page, fragment and API payload of it): False when visible; else the time it becomes visible, or True
    for "when grades are published". A submission is an assignment's when its author is an accepted member of
    the assignment's cohort, its problem is on the assignment, and it was made between the opening and the
    author's cut-off. Runs of public examples are never hidden. `hiding`: hiding_assignments of the author,
    when a list already has them."""
    if submission.mode not in COUNTED_MODES:
        return False
    now = now or policy.now()
    if hiding is None:
        hiding = hiding_assignments(user_id=submission.user_id)
    latest: datetime | bool = False
    for h in hiding:
        if submission.problem_id not in h.problem_ids or not h.opens_at <= submission.created_at <= h.cutoff:
            continue
        hidden = policy.results_hidden_until(hide_results=h.hide_results, published_at=None, due=h.due, now=now)
        if hidden is True:
            return True
        if hidden and (latest is False or hidden > latest):
            latest = hidden
    return latest


# --- mock interviews ---------------------------------------------------------------------------------

def _active(*, user: AbstractBaseUser, now: datetime) -> QuerySet[MockSession]:
    return MockSession.objects.filter(user=user, ends_at__gt=now).filter(Q(ended_at__isnull=True) | Q(ended_at__gt=now))


def mock_session_active(*, user: AbstractBaseUser, problem=None, now: datetime | None = None) -> bool:
    """Whether the user is in a running mock interview (with `problem`: one that includes it). Hints and
    editorials refuse while this is true."""
    if not user.is_authenticated:
        return False
    sessions = _active(user=user, now=now or policy.now())
    if problem is not None:
        sessions = sessions.filter(items__problem=problem)
    return sessions.exists()


def mock_session_running(*, user: AbstractBaseUser, now: datetime) -> MockSession | None:
    if not user.is_authenticated:
        return None
    return _active(user=user, now=now).first()


def mock_sessions_of(*, user: AbstractBaseUser) -> QuerySet[MockSession]:
    return MockSession.objects.filter(user=user).prefetch_related("items__problem")


def mock_session_for(*, user: AbstractBaseUser, session_id: int) -> MockSession:
    session = mock_sessions_of(user=user).filter(id=session_id).first()
    if session is None:
        raise Http404("No such mock interview")
    return session


@dataclass(frozen=True)
class MockLine:
    """One problem of a finished (or running) session."""

    item: MockProblem
    attempts: int
    verdicts: list[str]           # in order; "" for one still in flight or awaiting review
    solved: bool
    seconds: float | None         # from first opening (or the start) to its first accepted / last submission
    submission_ids: list[int]

    @property
    def verdict_pairs(self) -> list[tuple[int, str]]:
        """(submission id, verdict label) in order; an empty label: still being graded or awaiting review."""
        labels = dict(Verdict.choices)
        return [(sid, labels.get(v, v)) for sid, v in zip(self.submission_ids, self.verdicts)]


@dataclass(frozen=True)
class MockSummary:
    session: MockSession
    end: datetime
    running: bool
    lines: list[MockLine]


def mock_summary(*, session: MockSession, now: datetime) -> MockSummary:
    end = policy.mock_end_of(ends_at=session.ends_at, ended_at=session.ended_at)
    items = list(session.items.select_related("problem"))
    subs = (Submission.objects.filter(user_id=session.user_id, problem_id__in=[i.problem_id for i in items],
                                      mode__in=COUNTED_MODES, created_at__gte=session.started_at, created_at__lt=end)
            .order_by("created_at", "id"))
    by_problem: dict[int, list[Submission]] = defaultdict(list)
    for sub in subs:
        by_problem[sub.problem_id].append(sub)
    lines = []
    for item in items:
        mine = by_problem[item.problem_id]
        accepted = next((s for s in mine if s.status == Status.GRADED and (
            policy.problem_fraction(kind=item.problem.kind, verdict=s.verdict, score=s.score,
                                    score_override=s.score_override, threshold=item.problem.score_threshold,
                                    low=item.problem.score_min, high=item.problem.score_max)[0])), None)
        finish = accepted or (mine[-1] if mine else None)
        start = item.opened_at or session.started_at
        lines.append(MockLine(item=item, attempts=len(mine), verdicts=[s.verdict for s in mine],
                              solved=accepted is not None, submission_ids=[s.id for s in mine],
                              seconds=max(0.0, (finish.created_at - start).total_seconds()) if finish else None))
    return MockSummary(session=session, end=end, running=now < end, lines=lines)
