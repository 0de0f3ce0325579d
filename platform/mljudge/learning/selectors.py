"""Reads of the learning features: what of a problem's hints and editorial a user may see, the plans and a
user's progress through them, and what instructors see of reveals and give-ups. The editorial's HTML leaves
this module only for a user to whom it is open (`editorial_html`)."""
from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q
from django.http import Http404

from mljudge.core.refusals import Reason, Refused
from mljudge.leaderboards import scoring
from mljudge.problemset.models import Problem
from mljudge.submissions.models import Mode, Status, Submission, Verdict

from .models import EditorialUnlock, HintReveal, PlanStep, StudyPlan, UnlockReason


# An accepted submission, or (design) a published grade: what opens the editorial without a forfeit and counts
# as a solved step of a plan.
SOLVING = Q(status=Status.GRADED) & (Q(mode=Mode.SUBMIT, verdict=Verdict.ACCEPTED) | Q(mode=Mode.DESIGN))


def _visible_solves(*, user_id: int):
    """The user's solving submissions whose results they may see (assessments.selectors.hidden_results: an
    assignment hiding them until its due time or publication keeps them out)."""
    from mljudge.assessments.selectors import hidden_results

    return Submission.objects.filter(SOLVING, user_id=user_id).exclude(hidden_results(user_id=user_id))


def solved_visibly(*, user_id: int, problem_id: int) -> bool:
    return _visible_solves(user_id=user_id).filter(problem_id=problem_id).exists()


def _solved(*, user: AbstractBaseUser, problem: Problem) -> bool:
    return solved_visibly(user_id=user.pk, problem_id=problem.pk)


@dataclass(frozen=True)
class Hints:
    revealed: list[dict]      # {"title", "html"} of each revealed hint, in order
    total: int

    @property
    def next_number(self) -> int | None:
        """1-based number of the next hint to reveal, or None when all are revealed."""
        return len(self.revealed) + 1 if len(self.revealed) < self.total else None


@dataclass(frozen=True)
class LearningView:
    """The problem page's learning sections for one viewer (anonymous viewers: no hints, editorial locked)."""

    learn_html: str
    hints: Hints
    editorial_open: bool
    unlock_reason: str = ""          # UnlockReason value, when open
    mock_locked: bool = False        # a mock interview runs: no hints, no editorial (locked_by_mock)
    rules: dict = field(default_factory=scoring.rules_quoted)


def locked_by_mock(*, user: AbstractBaseUser) -> bool:
    """The one rule of issue 16 for learning: while any mock interview of the user runs, hints and editorials are
    locked on every problem (revealed ones are not shown either), so the session is practice without help."""
    from mljudge.assessments.selectors import mock_session_active

    return mock_session_active(user=user)


def hints_for(*, user: AbstractBaseUser, problem: Problem) -> Hints:
    if user.is_authenticated and locked_by_mock(user=user):
        return Hints(revealed=[], total=len(problem.hints_html or []))
    return _hints(user=user, problem=problem)


def _hints(*, user: AbstractBaseUser, problem: Problem) -> Hints:
    hints = problem.hints_html or []
    if not user.is_authenticated:
        return Hints(revealed=[], total=len(hints))
    count = HintReveal.objects.filter(user=user, problem=problem).count()
    return Hints(revealed=hints[:count], total=len(hints))


def editorial_unlock_for(*, user: AbstractBaseUser, problem: Problem) -> str:
    """Why the editorial is open to the user (an UnlockReason value), or '' while it is locked."""
    if not user.is_authenticated:
        return ""
    reason = EditorialUnlock.objects.filter(user=user, problem=problem).values_list("reason", flat=True).first()
    if reason:
        return reason
    # Solved before unlocks were recorded: still earned.
    return UnlockReason.ACCEPTED if _solved(user=user, problem=problem) else ""


def editorial_html(*, user: AbstractBaseUser, problem: Problem) -> str:
    """The editorial, for a user to whom it is open; Refused(EDITORIAL_LOCKED) otherwise."""
    if locked_by_mock(user=user):
        raise Refused(Reason.LOCKED_IN_MOCK)
    if not editorial_unlock_for(user=user, problem=problem):
        raise Refused(Reason.EDITORIAL_LOCKED)
    return problem.editorial_html


def learning_view(*, user: AbstractBaseUser, problem: Problem) -> LearningView:
    if locked_by_mock(user=user):
        locked = Hints(revealed=[], total=len(problem.hints_html or []))
        return LearningView(learn_html=problem.learn_html, hints=locked, editorial_open=False, mock_locked=True)
    reason = editorial_unlock_for(user=user, problem=problem)
    return LearningView(learn_html=problem.learn_html, hints=_hints(user=user, problem=problem),
                        editorial_open=bool(reason), unlock_reason=reason)


# --- study plans -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class StepView:
    number: int
    problem: Problem
    why: str
    solved: bool


@dataclass(frozen=True)
class PlanView:
    plan: StudyPlan
    steps: list[StepView]

    @property
    def solved(self) -> int:
        return sum(s.solved for s in self.steps)

    @property
    def percent(self) -> int:
        return round(100 * self.solved / len(self.steps)) if self.steps else 0

    @property
    def next_step(self) -> StepView | None:
        return next((s for s in self.steps if not s.solved), None)


def _solved_ids(user: AbstractBaseUser) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(_visible_solves(user_id=user.pk).values_list("problem_id", flat=True).distinct())


def _views(plans, user: AbstractBaseUser) -> list[PlanView]:
    solved = _solved_ids(user)
    steps = (PlanStep.objects.filter(plan__in=plans, problem__is_active=True).select_related("problem")
             .order_by("plan_id", "position"))
    by_plan: dict[int, list[StepView]] = {}
    for step in steps:
        rows = by_plan.setdefault(step.plan_id, [])
        rows.append(StepView(number=len(rows) + 1, problem=step.problem, why=step.why,
                             solved=step.problem_id in solved))
    return [PlanView(plan=p, steps=by_plan.get(p.id, [])) for p in plans]


def plans_for(*, user: AbstractBaseUser) -> list[PlanView]:
    """Every plan with the user's progress (3 queries whatever the number of plans)."""
    return _views(list(StudyPlan.objects.all()), user)


def plan_for(*, user: AbstractBaseUser, slug: str) -> PlanView:
    plan = StudyPlan.objects.filter(slug=slug).first()
    if plan is None:
        raise Http404("No such plan")
    return _views([plan], user)[0]


def next_in_plan(*, user: AbstractBaseUser, problem: Problem) -> tuple[StudyPlan, Problem] | None:
    """The plan this problem is a step of, and the user's first unsolved step after it (then before it), or None
    (not in a plan, or the plan is done)."""
    step = PlanStep.objects.filter(problem=problem).select_related("plan").first()
    if step is None:
        return None
    view = _views([step.plan], user)[0]
    later = [s for s in view.steps if s.problem.pk != problem.pk]
    position = next((s.number for s in view.steps if s.problem.pk == problem.pk), 0)
    after = [s for s in later if s.number > position and not s.solved]
    before = [s for s in later if s.number < position and not s.solved]
    target = (after or before or [None])[0]
    return (step.plan, target.problem) if target else None


# --- instructors -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LearningRecord:
    """What one student took of one problem: hints (with their times) and the editorial (reason, time)."""

    hint_times: list
    unlock_reason: str = ""
    unlocked_at: object = None

    @property
    def gave_up(self) -> bool:
        return self.unlock_reason == UnlockReason.GAVE_UP


def learning_records(*, user_ids, problem_ids=None) -> dict[tuple[int, int], LearningRecord]:
    """(user_id, problem_id) -> LearningRecord for the users (and problems) asked about; only pairs with a
    reveal or a give-up appear."""
    reveals = HintReveal.objects.filter(user_id__in=list(user_ids))
    unlocks = EditorialUnlock.objects.filter(user_id__in=list(user_ids), reason=UnlockReason.GAVE_UP)
    if problem_ids is not None:
        reveals = reveals.filter(problem_id__in=list(problem_ids))
        unlocks = unlocks.filter(problem_id__in=list(problem_ids))
    times: dict[tuple[int, int], list] = {}
    for user_id, problem_id, at in reveals.order_by("index").values_list("user_id", "problem_id", "revealed_at"):
        times.setdefault((user_id, problem_id), []).append(at)
    gave_up = {(u, p): (r, at) for u, p, r, at in unlocks.values_list("user_id", "problem_id", "reason",
                                                                     "unlocked_at")}
    return {key: LearningRecord(hint_times=times.get(key, []), unlock_reason=gave_up.get(key, ("", None))[0],
                                unlocked_at=gave_up.get(key, ("", None))[1])
            for key in {*times, *gave_up}}


def next_in_plan_after(*, submission) -> tuple[StudyPlan, Problem] | None:
    """What the result of an accepted submission suggests next (None for anything else)."""
    if submission.mode != Mode.SUBMIT or submission.status != Status.GRADED or submission.verdict != Verdict.ACCEPTED:
        return None
    from mljudge.assessments.selectors import results_hidden_until

    if results_hidden_until(submission=submission):
        return None   # "next in plan" would tell the author it was accepted
    return next_in_plan(user=submission.user, problem=submission.problem)


@dataclass(frozen=True)
class RosterRow:
    user: AbstractBaseUser
    problem: Problem
    record: LearningRecord


def learning_roster(*, users) -> list[RosterRow]:
    """A cohort's hints and give-ups, one row per student and problem with either (instructors' roster)."""
    users = {u.pk: u for u in users}
    records = learning_records(user_ids=users)
    problems = Problem.objects.in_bulk({problem_id for _, problem_id in records})
    rows = [RosterRow(user=users[u], problem=problems[p], record=r) for (u, p), r in records.items() if p in problems]
    return sorted(rows, key=lambda row: (row.user.get_username(), row.problem.slug))


def learning_record_for(*, user_id: int, problem_id: int) -> LearningRecord | None:
    """One student's hints and give-up on one problem (the review page of their submission)."""
    return learning_records(user_ids=[user_id], problem_ids=[problem_id]).get((user_id, problem_id))
