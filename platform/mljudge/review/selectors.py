"""Reads for reviewers (dashboard, diff, plagiarism) and for authors of submissions (their feedback)."""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.html import escape

from mljudge.cohorts.models import Cohort
from mljudge.cohorts.selectors import cohort_submissions, reviewable_submissions
from mljudge.grading.api import problem_rubric
from mljudge.problemset.models import Kind, Problem
from mljudge.submissions.models import Mode, Status, Submission, Verdict

from . import plagiarism
from .models import Comment, FeedbackSeen, RubricGrade, ScoreOverride

SORTS = {"created": "created_at", "user": "user__username", "problem": "problem__slug", "verdict": "verdict",
         "score": "score", "time": "time_s"}


@dataclass(frozen=True)
class DashboardFilters:
    cohort: Cohort | None = None
    problem: str = ""
    user: str = ""
    verdict: str = ""
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "-created"
    mode: str = ""


def dashboard_submissions(*, viewer: AbstractBaseUser, filters: DashboardFilters) -> QuerySet[Submission]:
    """What the viewer may review, filtered and sorted. Unknown sort keys fall back to newest first."""
    qs = reviewable_submissions(viewer=viewer, cohort=filters.cohort).defer("source", "report", "progress")
    if "\x00" in filters.problem + filters.user:   # no stored text holds a NUL (and PostgreSQL refuses to compare one)
        return qs.none()
    if filters.problem:
        qs = qs.filter(problem__slug=filters.problem)
    if filters.user:
        qs = qs.filter(user__username__iexact=filters.user)
    if filters.mode in Mode.values:
        qs = qs.filter(mode=filters.mode)
    if filters.verdict in Verdict.values:
        qs = qs.filter(verdict=filters.verdict)
    elif filters.verdict == Status.AWAITING_REVIEW:  # not a verdict: design answers not yet published
        qs = qs.filter(mode=Mode.DESIGN, rubric_grade__published_at__isnull=True)
    if filters.date_from:
        qs = qs.filter(created_at__gte=timezone.make_aware(datetime.combine(filters.date_from, time.min)))
    if filters.date_to:
        qs = qs.filter(created_at__lte=timezone.make_aware(datetime.combine(filters.date_to, time.max)))
    key = filters.sort.lstrip("-")
    field = SORTS.get(key, "created_at")
    order = F(field).desc(nulls_last=True) if filters.sort.startswith("-") or key not in SORTS \
        else F(field).asc(nulls_last=True)
    return qs.order_by(order, "-id")


def previous_attempt(*, viewer: AbstractBaseUser, submission: Submission) -> Submission | None:
    """The same user's attempt at the same problem just before this one (code modes: run or submit), among
    those the viewer may review: an attempt from before the member shared it is not shown in a diff either."""
    modes = [Mode.DESIGN] if submission.mode == Mode.DESIGN else [Mode.RUN, Mode.SUBMIT]
    return (reviewable_submissions(viewer=viewer).filter(user_id=submission.user_id, problem_id=submission.problem_id,
                                                          mode__in=modes, id__lt=submission.id)
            .order_by("-id").first())


def diff_html(*, before: str, after: str, before_label: str, after_label: str) -> str:
    """A unified diff as escaped HTML lines (every character of the sources goes through escape())."""
    lines = difflib.unified_diff(before.splitlines(), after.splitlines(), before_label, after_label, lineterm="", n=3)
    out = []
    for line in lines:
        cls = "add" if line.startswith("+") and not line.startswith("+++") else \
            "del" if line.startswith("-") and not line.startswith("---") else \
            "hunk" if line.startswith("@@") else "ctx"
        out.append(f'<span class="diff-{cls}">{escape(line)}</span>')
    return "\n".join(out)


def comments_for(*, submission: Submission) -> QuerySet[Comment]:
    return Comment.objects.filter(submission=submission).select_related("author", "author__profile")


def overrides_for(*, submission: Submission) -> QuerySet[ScoreOverride]:
    return ScoreOverride.objects.filter(submission=submission).select_related("by")


_OVERRIDE_UNIT = {Kind.FUNCTION: "the fraction of tests passed", Kind.DESIGN: "the fraction of rubric points",
                  Kind.SCORED: "the range of this problem's metric", Kind.MODULE: "the fraction of tests passed",
                  Kind.AUTOGRAD: "the fraction of tests passed"}


def override_range_text(*, problem: Problem) -> str:
    """What a score override of the problem may be, in words (the refusal message and the form say it)."""
    low, high = problem.score_min, problem.score_max
    bounds = (f" between {low:g} and {high:g}" if low is not None and high is not None
              else f" of at least {low:g}" if low is not None else f" of at most {high:g}" if high is not None else "")
    unit = _OVERRIDE_UNIT.get(problem.kind)
    return f"a finite number{bounds}" + (f" ({unit})" if unit else "")


def rubric_of(*, problem: Problem) -> list[dict]:
    """A design problem's rubric as its folder states it: [{"name", "points", "description"}]; [] if none."""
    return problem_rubric(folder=settings.MLJUDGE_PROBLEMS_DIR / problem.slug)


def rubric_grade_for(*, submission: Submission, published_only: bool) -> RubricGrade | None:
    qs = RubricGrade.objects.filter(submission=submission)
    if published_only:
        qs = qs.filter(published_at__isnull=False)
    return qs.first()


def unread_feedback_ids(*, user: AbstractBaseUser) -> set[int]:
    """The user's submissions with feedback (others' comments, a published rubric) newer than their last visit."""
    if not user.is_authenticated:
        return set()
    seen = Subquery(FeedbackSeen.objects.filter(submission=OuterRef("submission")).values("seen_at")[:1])
    comments = (Comment.objects.filter(submission__user=user).exclude(author=user).annotate(seen=seen)
                .filter(Q(seen__isnull=True) | Q(created_at__gt=F("seen"))).values_list("submission_id", flat=True))
    rubrics = (RubricGrade.objects.filter(submission__user=user, published_at__isnull=False).annotate(seen=seen)
               .filter(Q(seen__isnull=True) | Q(published_at__gt=F("seen"))).values_list("submission_id", flat=True))
    rubrics = set(rubrics)
    if rubrics:   # one more query only then: a rubric whose result an assignment hides is news once it shows
        from mljudge.assessments.selectors import hidden_results

        rubrics -= set(Submission.objects.filter(hidden_results(user_id=user.pk), id__in=rubrics)
                       .values_list("id", flat=True))
    return set(comments) | rubrics


# --- plagiarism ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SuspiciousPair:
    a: Submission
    b: Submission
    similarity: plagiarism.Similarity


def latest_code_by_member(*, cohort: Cohort, problem_id: int) -> list[Submission]:
    """Each member's latest submitted (Mode.SUBMIT) code for the problem, among what they share with the cohort."""
    subs = (cohort_submissions(cohort=cohort).filter(problem_id=problem_id, mode=Mode.SUBMIT)
            .select_related("user", "problem").order_by("user_id", "-id"))
    latest: dict[int, Submission] = {}
    for s in subs:
        latest.setdefault(s.user_id, s)
    return list(latest.values())


def similar_pairs(*, cohort: Cohort, problem_id: int, starter: str, flagged_only: bool = False) -> list[SuspiciousPair]:
    """Every pair of members' latest submissions, most similar first."""
    subs = latest_code_by_member(cohort=cohort, problem_id=problem_id)
    exclude = plagiarism.starter_exclusion(starter)
    prints = {s.id: plagiarism.fingerprint(s.source, exclude=exclude) for s in subs}
    pairs = []
    for i, a in enumerate(subs):
        for b in subs[i + 1:]:
            sim = plagiarism.similarity(prints[a.id], prints[b.id])
            if sim.shared and (sim.flagged or not flagged_only):
                pairs.append(SuspiciousPair(a=a, b=b, similarity=sim))
    return sorted(pairs, key=lambda p: (-p.similarity.containment, -p.similarity.jaccard))


def side_by_side(*, a: Submission, b: Submission, starter: str) -> dict:
    """Both sources line by line, with the lines covered by shared fingerprints marked."""
    exclude = plagiarism.starter_exclusion(starter)
    fa = plagiarism.fingerprint(a.source, exclude=exclude)
    fb = plagiarism.fingerprint(b.source, exclude=exclude)
    la, lb = plagiarism.matched_lines(fa, fb)
    return {"similarity": plagiarism.similarity(fa, fb),
            "a_lines": [(n, line, n in la) for n, line in enumerate(a.source.splitlines(), 1)],
            "b_lines": [(n, line, n in lb) for n, line in enumerate(b.source.splitlines(), 1)]}


def problems_for_review(*, code_only: bool = False) -> QuerySet:
    qs = Problem.objects.filter(is_active=True).order_by("slug")
    return qs.exclude(kind=Kind.DESIGN) if code_only else qs  # every kind but design is code


def problem_for_similarity(*, slug: str):
    return Problem.objects.filter(slug=slug).exclude(kind=Kind.DESIGN).first() if slug else None
