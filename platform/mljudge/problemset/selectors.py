"""Reads of the catalogue."""
from __future__ import annotations

import enum

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.http import Http404

from mljudge.core.text import lookup_text

from .models import Difficulty, Kind, Problem, Topic


class SolveStatus(enum.StrEnum):
    SOLVED = "solved"
    ATTEMPTED = "attempted"
    NEW = "new"


def problem_catalogue(*, user: AbstractBaseUser, topic: str = "", difficulty: str = "", kind: str = "",
                      status: str = "", q: str = "") -> QuerySet[Problem]:
    """Active problems, filtered; each annotated with `solve_status` for the user (solved / attempted / new).
    Unknown filter values are ignored rather than emptying the list."""
    from mljudge.assessments.selectors import hidden_results
    from mljudge.submissions.models import Mode, Status, Submission, Verdict

    topic, q = lookup_text(topic), lookup_text(q)
    qs = Problem.objects.filter(is_active=True).prefetch_related("topics")
    if topic:
        qs = qs.filter(topics__slug=topic)
    if difficulty in Difficulty.values:
        qs = qs.filter(difficulty=difficulty)
    if kind in Kind.values:
        qs = qs.filter(kind=kind)
    if q.strip():
        words = q.split()[:8]
        for word in words:
            qs = qs.filter(Q(title__icontains=word) | Q(slug__icontains=word) | Q(topics__slug__icontains=word)
                           | Q(statement_md__icontains=word))
        qs = qs.distinct()
    if user.is_authenticated:
        mine = Submission.objects.filter(user=user, problem=OuterRef("pk")).exclude(status=Status.SYSTEM_ERROR)
        # A solve whose result an assignment still hides from the user is only "attempted" for now.
        solved = mine.filter(mode=Mode.SUBMIT, verdict=Verdict.ACCEPTED).exclude(hidden_results(user_id=user.pk))
        qs = qs.annotate(_solved=Exists(solved), _attempted=Exists(mine))
        qs = qs.annotate(solve_status=Case(
            When(_solved=True, then=Value(SolveStatus.SOLVED.value)),
            When(_attempted=True, then=Value(SolveStatus.ATTEMPTED.value)),
            default=Value(SolveStatus.NEW.value)))
        if status in SolveStatus.__members__.values():
            qs = qs.filter(solve_status=status)
    else:
        qs = qs.annotate(solve_status=Value(SolveStatus.NEW.value))
    order = Case(*(When(difficulty=d, then=Value(i)) for i, d in enumerate(Difficulty.values)),
                 output_field=IntegerField())
    return qs.order_by(order, "title")


def topics_in_use() -> QuerySet[Topic]:
    return Topic.objects.filter(problems__is_active=True).distinct()


def problem_by_slug(*, slug: str) -> Problem:
    """An active problem (drafts are inactive), or Http404."""
    try:
        return Problem.objects.prefetch_related("topics").get(slug=lookup_text(slug), is_active=True)
    except Problem.DoesNotExist:
        raise Http404("No such problem") from None
