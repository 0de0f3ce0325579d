"""Reads of submissions. Code and reports are visible to their owner and to staff/instructors only."""
from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404

from mljudge.leaderboards import scoring
from mljudge.problemset.models import Kind, Problem

from .models import Draft, Mode, Status, Submission, Verdict


def can_view_all_submissions(*, user: AbstractBaseUser) -> bool:
    return user.is_authenticated and (user.is_staff or user.has_perm("submissions.view_all_submissions"))


def _with_override_notes(qs: QuerySet[Submission]) -> QuerySet[Submission]:
    """Who set each submission's score override, and why: the latest audit row (review.ScoreOverride; while an
    override counts, the latest row is the one that set it)."""
    from mljudge.review.models import ScoreOverride  # review builds on submissions: not a module-level import

    latest = ScoreOverride.objects.filter(submission=OuterRef("pk")).order_by("-created_at", "-id")
    return qs.annotate(override_by=Subquery(latest.values("by__username")[:1]),
                       override_reason=Subquery(latest.values("reason")[:1]))


@dataclass(frozen=True)
class OverrideNote:
    """What a submission's pages say about an instructor's score override, in place of the bare verdict."""

    by: str                        # the instructor's username
    reason: str
    graded_score: float | None
    effective_score: float | None  # what counts (leaderboards.scoring: clamped to the problem's range)
    solved: bool                   # with the override, as the leaderboard counts it
    graded_solved: bool            # as graded
    label: str                     # the outcome, shown instead of the grader's verdict

    @property
    def changes_outcome(self) -> bool:
        return self.solved != self.graded_solved


def override_note(*, submission: Submission) -> OverrideNote | None:
    """None unless an override counts for the submission. Submissions from this module's selectors carry the
    audit fields already; any other is looked up (one query)."""
    if submission.score_override is None:
        return None
    if not hasattr(submission, "override_reason"):
        submission = _with_override_notes(Submission.objects.select_related("problem")).get(pk=submission.pk)
    problem = submission.problem
    rules = {"kind": problem.kind, "verdict": submission.verdict, "score": submission.score,
             "threshold": problem.score_threshold, "low": problem.score_min, "high": problem.score_max}
    solved = scoring.is_solved(score_override=submission.score_override, **rules)
    graded_solved = scoring.is_solved(score_override=None, **rules)
    if submission.mode == Mode.DESIGN:
        label = Status.GRADED.label   # a design answer has no verdict; its score is the rubric's
    else:
        label = (Verdict.ACCEPTED.label if solved else "Not accepted" if graded_solved
                 else submission.get_verdict_display())
    return OverrideNote(
        by=submission.override_by or "", reason=submission.override_reason or "", graded_score=submission.score,
        effective_score=scoring.effective_score(score=submission.score, score_override=submission.score_override,
                                                low=problem.score_min, high=problem.score_max),
        solved=solved, graded_solved=graded_solved, label=label)


def threshold_missed(*, submission: Submission) -> float | None:
    """The threshold a scored submission fell short of, when that alone made it Wrong Answer: every test
    returned valid predictions (all accepted), but the score over all hidden rows is below the bar. None
    otherwise. Pages then say "score … below the threshold …" instead of "Wrong Answer 3/3"."""
    if (submission.status != Status.GRADED or submission.verdict != Verdict.WRONG_ANSWER or not submission.total
            or submission.passed != submission.total or submission.problem.kind != Kind.SCORED):
        return None
    return submission.problem.score_threshold


def submissions_visible_to(*, viewer: AbstractBaseUser, problem: Problem | None = None, everyone: bool = False,
                           mode: str = "", verdict: str = "", status: str = "") -> QuerySet[Submission]:
    """The viewer's own submissions, newest first; with everyone=True and the right role, all of them. Unknown
    mode, verdict or status values are ignored (as the catalogue's filters are)."""
    qs = _with_override_notes(Submission.objects.select_related("problem", "user", "user__profile")
                              .defer("source", "report"))
    if not (everyone and can_view_all_submissions(user=viewer)):
        qs = qs.filter(user=viewer)
    if problem is not None:
        qs = qs.filter(problem=problem)
    if mode in Mode.values:
        qs = qs.filter(mode=mode)
    if verdict in Verdict.values:
        qs = qs.filter(verdict=verdict)
    if status in Status.values:
        qs = qs.filter(status=status)
    return qs


def history_problems(*, viewer: AbstractBaseUser, everyone: bool = False) -> QuerySet[Problem]:
    """The problems the history page's filter offers: those with a submission the viewer may list there."""
    rows = Submission.objects.all() if everyone and can_view_all_submissions(user=viewer) else \
        Submission.objects.filter(user=viewer)
    return Problem.objects.filter(id__in=rows.values("problem_id")).order_by("title").only("slug", "title")


def submission_for_viewer(*, viewer: AbstractBaseUser, submission_id: int, own_only: bool = False) -> Submission:
    """The submission, or Http404 (not 403: others' submission ids are not confirmed to exist). Staff may open
    anyone's, unless own_only."""
    qs = _with_override_notes(Submission.objects.select_related("problem", "user", "user__profile"))
    if own_only or not can_view_all_submissions(user=viewer):
        qs = qs.filter(user=viewer)
    try:
        return qs.get(id=submission_id)
    except Submission.DoesNotExist:
        raise Http404("No such submission") from None


def draft_for(*, user: AbstractBaseUser, problem: Problem) -> Draft | None:
    """The user's saved editor draft of the problem (any device), or None: the editor starts from the starter."""
    if not user.is_authenticated:
        return None
    return Draft.objects.filter(user=user, problem=problem).first()


def recent_for_problem(*, viewer: AbstractBaseUser, problem: Problem, limit: int = 10) -> list[Submission]:
    if not viewer.is_authenticated:
        return []
    return list(submissions_visible_to(viewer=viewer, problem=problem)[:limit])
