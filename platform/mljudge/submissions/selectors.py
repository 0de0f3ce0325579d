"""Reads of submissions. Code and reports are visible to their owner and to staff/instructors only."""
from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.http import Http404

from mljudge.problemset.models import Problem

from .models import Mode, Submission

HIDDEN_FIELDS = ("input", "expected", "got", "message")


def can_view_all_submissions(*, user: AbstractBaseUser) -> bool:
    return user.is_authenticated and (user.is_staff or user.has_perm("submissions.view_all_submissions"))


def submissions_visible_to(*, viewer: AbstractBaseUser, problem: Problem | None = None,
                           everyone: bool = False) -> QuerySet[Submission]:
    """The viewer's own submissions; with everyone=True and the right role, all of them."""
    qs = Submission.objects.select_related("problem", "user", "user__profile").defer("source", "report")
    if not (everyone and can_view_all_submissions(user=viewer)):
        qs = qs.filter(user=viewer)
    if problem is not None:
        qs = qs.filter(problem=problem)
    return qs


def submission_for_viewer(*, viewer: AbstractBaseUser, submission_id: int) -> Submission:
    """The submission, or Http404 (not 403: others' submission ids are not confirmed to exist)."""
    qs = Submission.objects.select_related("problem", "user", "user__profile")
    if not can_view_all_submissions(user=viewer):
        qs = qs.filter(user=viewer)
    try:
        return qs.get(id=submission_id)
    except Submission.DoesNotExist:
        raise Http404("No such submission") from None


def report_tests_for_display(*, submission: Submission) -> list[dict]:
    """Per-test rows. Hidden tests carry only name, verdict and time — whatever the stored report says."""
    tests = (submission.report or {}).get("tests", [])
    rows = []
    for number, test in enumerate(tests, 1):
        hidden = test.get("visibility") != "public"
        if hidden:  # even the name: names like "empty-cluster" are hints
            row = {"name": f"hidden-{number}", "verdict": test.get("verdict"), "time_s": test.get("time_s")}
        else:
            row = {key: test.get(key, "") for key in ("name", "verdict", "time_s", *HIDDEN_FIELDS)}
        row["hidden"] = hidden
        rows.append(row)
    return rows


def progress_tests_for_display(*, submission: Submission) -> list[dict]:
    progress = submission.progress or {}
    done = [{"name": t["name"] if t["visibility"] == "public" else f"hidden-{i}", "hidden": t["visibility"] != "public", "time_s": t.get("time_s"),
             "ran": t.get("ran", True), "verdict": t.get("verdict", "")} for i, t in enumerate(progress.get("tests", []), 1)]
    return done


def recent_for_problem(*, viewer: AbstractBaseUser, problem: Problem, limit: int = 10) -> list[Submission]:
    if not viewer.is_authenticated:
        return []
    return list(submissions_visible_to(viewer=viewer, problem=problem)[:limit])


def is_code_mode(submission: Submission) -> bool:
    return submission.mode in (Mode.RUN, Mode.SUBMIT)
