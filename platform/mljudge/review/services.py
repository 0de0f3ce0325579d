"""Writes of the review workflow: comments, marking feedback seen, score overrides (audited), rubric grading
of design answers and publishing it. Every reviewer action re-checks that the submission is reviewable by
that user (cohorts.selectors.submission_for_reviewer: Http404 otherwise)."""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from mljudge.cohorts.selectors import submission_for_reviewer
from mljudge.core.markdown import render_user_markdown
from mljudge.core.refusals import Reason, Refused
from mljudge.grading import states
from mljudge.leaderboards import scoring
from mljudge.leaderboards.services import best_result_recompute
from mljudge.learning.services import editorial_unlock_on_solve
from mljudge.submissions.models import Mode, Submission

from .models import Comment, FeedbackSeen, RubricGrade, ScoreOverride
from .selectors import override_range_text, rubric_of

# The longest comment, in characters: the worst input known renders in about 35 ms at this size (the
# renderer is linear; benchmarks/markdown_cost.py). The comment form renders it from here.
MAX_COMMENT = 4_000
MAX_OVERRIDE_REASON = 2_000


class ReviewRefused(Refused):
    """The input cannot be accepted; core.refusals has the reasons."""


def comment_create(*, author: AbstractBaseUser, submission_id: int, body: str,
                   reviewer_only: bool = False) -> Comment:
    """A reviewer's comment, or the submission author's reply. With reviewer_only (the API's review door) the
    author's own submission is no exception: only a reviewer of it may comment there."""
    own = None if reviewer_only else Submission.objects.filter(id=submission_id, user=author).first()
    submission = own or submission_for_reviewer(viewer=author, submission_id=submission_id)
    body = body.replace("\r\n", "\n").strip()
    if not body:
        raise ReviewRefused(Reason.COMMENT_EMPTY)
    if len(body) > MAX_COMMENT:
        raise ReviewRefused(Reason.COMMENT_TOO_LONG, limit=MAX_COMMENT)
    if "\x00" in body:
        raise ReviewRefused(Reason.COMMENT_NUL, limit=MAX_COMMENT)
    return Comment.objects.create(submission=submission, author=author, body=body, body_html=render_user_markdown(body))


def feedback_mark_seen(*, viewer: AbstractBaseUser, submission: Submission) -> None:
    """The submission's author opened it: its feedback is read. Anyone else opening it changes nothing."""
    if viewer.pk != submission.user_id:
        return
    FeedbackSeen.objects.update_or_create(submission=submission, defaults={"seen_at": timezone.now()})


def score_override_set(*, by: AbstractBaseUser, submission_id: int, score: float | None, reason: str) -> ScoreOverride:
    """Sets (or with score=None removes) the score that counts for a submission, with an audit row, then
    rebuilds the user's leaderboard entry for the problem. The score is in the unit of Submission.score and
    within the problem's score range (Problem.score_min/score_max, from the grader): the fraction of tests
    passed for a function problem, the metric for a scored one, the fraction of rubric points for a design
    answer (points/max points, as rubric grading stores it)."""
    submission = submission_for_reviewer(viewer=by, submission_id=submission_id)
    reason = reason.replace("\r\n", "\n").strip()
    if not reason:
        raise ReviewRefused(Reason.OVERRIDE_UNEXPLAINED)
    if len(reason) > MAX_OVERRIDE_REASON:
        raise ReviewRefused(Reason.OVERRIDE_REASON_TOO_LONG, limit=MAX_OVERRIDE_REASON)
    if "\x00" in reason:
        raise ReviewRefused(Reason.OVERRIDE_REASON_NUL, limit=MAX_OVERRIDE_REASON)
    problem = submission.problem
    if score is not None and not scoring.in_range(score, low=problem.score_min, high=problem.score_max):
        raise ReviewRefused(Reason.SCORE_OUT_OF_RANGE, range=override_range_text(problem=problem))
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(id=submission_id)
        if submission.mode == Mode.RUN:
            raise ReviewRefused(Reason.RUN_HAS_NO_SCORE)
        previous = submission.score_override if submission.score_override is not None else submission.score
        Submission.objects.filter(id=submission.id).update(score_override=score)
        audit = ScoreOverride.objects.create(submission=submission, by=by, previous=previous, score=score,
                                             reason=reason)
        best_result_recompute(user_id=submission.user_id, problem_id=submission.problem_id)  # same transaction
    return audit


def rubric_grade_save(*, by: AbstractBaseUser, submission_id: int, rubric: list[dict],
                      points: list[float], comments: list[str]) -> RubricGrade:
    """Grades a design answer against the problem's rubric (criteria in rubric order). Saving a published
    grade keeps it published and updates the score."""
    submission = submission_for_reviewer(viewer=by, submission_id=submission_id)
    if submission.mode != Mode.DESIGN:
        raise ReviewRefused(Reason.NOT_A_DESIGN_ANSWER)
    if not rubric:
        raise ReviewRefused(Reason.NO_RUBRIC)
    if len(points) != len(rubric) or len(comments) != len(rubric):
        raise ReviewRefused(Reason.RUBRIC_INCOMPLETE)
    criteria = []
    for criterion, p, c in zip(rubric, points, comments):
        if not (math.isfinite(p) and 0 <= p <= criterion["points"]):
            raise ReviewRefused(Reason.POINTS_OUT_OF_RANGE, criterion=criterion["name"], points=criterion["points"])
        if "\x00" in c:  # not text, and PostgreSQL's jsonb cannot store it
            raise ReviewRefused(Reason.RUBRIC_COMMENT_NUL, criterion=criterion["name"])
        criteria.append({"name": criterion["name"], "max_points": criterion["points"], "points": p,
                         "comment": c.strip()[:4000]})
    total, maximum = sum(c["points"] for c in criteria), sum(c["max_points"] for c in criteria)
    with transaction.atomic():
        grade, _ = RubricGrade.objects.update_or_create(submission=submission, defaults={
            "graded_by": by, "criteria": criteria, "points": total, "max_points": maximum})
        if grade.published_at:
            if not states.design_answer_regrade(submission_id=submission.id, score=_design_score(grade)):
                raise ReviewRefused(Reason.ANSWER_NOT_GRADED)
            best_result_recompute(user_id=submission.user_id, problem_id=submission.problem_id)  # same transaction
            editorial_unlock_on_solve(user_id=submission.user_id, problem_id=submission.problem_id)
    return grade


@dataclass(frozen=True)
class GivenPoints:
    """An instructor's points (and comment) for one rubric criterion. `name` None: in the rubric's order (the
    page's form, one row per criterion); named: matched to the criterion of that name (the API)."""

    points: float
    comment: str = ""
    name: str | None = None


def _in_rubric_order(rubric: list[dict], given: Sequence[GivenPoints]) -> list[GivenPoints]:
    if all(g.name is None for g in given):
        return list(given)
    by_name: dict[str, GivenPoints] = {}
    names = {c["name"] for c in rubric}
    for g in given:
        if g.name not in names:
            raise ReviewRefused(Reason.RUBRIC_UNKNOWN_CRITERION, name=str(g.name)[:100])
        if g.name in by_name:
            raise ReviewRefused(Reason.RUBRIC_INCOMPLETE)
        by_name[g.name] = g
    if len(by_name) != len(rubric):
        raise ReviewRefused(Reason.RUBRIC_INCOMPLETE)
    return [by_name[c["name"]] for c in rubric]


def rubric_grade_submit(*, by: AbstractBaseUser, submission_id: int, given: Sequence[GivenPoints],
                        publish: bool) -> RubricGrade:
    """Grades a design answer against its problem's rubric and, with publish, shows it to the student: what the
    review page's rubric form and the API both do. The grade is saved even when publishing is refused."""
    submission = submission_for_reviewer(viewer=by, submission_id=submission_id)
    rubric = rubric_of(problem=submission.problem)
    ordered = _in_rubric_order(rubric, given) if rubric else list(given)
    grade = rubric_grade_save(by=by, submission_id=submission.id, rubric=rubric,
                              points=[g.points for g in ordered], comments=[g.comment for g in ordered])
    if publish:
        grade = rubric_grade_publish(by=by, submission_id=submission.id)
    return grade


def _design_score(grade: RubricGrade) -> float:
    return grade.points / grade.max_points if grade.max_points else 0.0


def rubric_grade_publish(*, by: AbstractBaseUser, submission_id: int) -> RubricGrade:
    """Shows the graded rubric to the student; the answer becomes graded with score points/max."""
    submission = submission_for_reviewer(viewer=by, submission_id=submission_id)
    with transaction.atomic():
        changed = RubricGrade.objects.filter(submission=submission, published_at__isnull=True).update(
            published_at=timezone.now())
        grade = RubricGrade.objects.select_related("submission").filter(submission=submission).first()
        if grade is None:
            raise ReviewRefused(Reason.NOT_GRADED_YET)
        if changed:
            if not states.design_answer_grade(submission_id=submission.id, score=_design_score(grade)):
                raise ReviewRefused(Reason.NOT_AWAITING_REVIEW)  # rolls the publishing back
            best_result_recompute(user_id=submission.user_id, problem_id=submission.problem_id)  # same transaction
            editorial_unlock_on_solve(user_id=submission.user_id, problem_id=submission.problem_id)
    return grade


def require_reviewer(*, user: AbstractBaseUser) -> None:
    from mljudge.cohorts.selectors import is_reviewer

    if not is_reviewer(user=user):
        raise PermissionDenied
