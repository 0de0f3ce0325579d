"""Reads of submissions. Code and reports are visible to their owner and to staff/instructors only."""
from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.http import Http404

from mljudge.grading.api import report_for_solver, solver_time
from mljudge.problemset.models import Problem

from .models import Draft, Mode, Submission

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
    """Per-test rows of the solver view (grading.api.report_for_solver). Hidden tests carry only an ordinal,
    a verdict and a coarse time — whatever the stored report says."""
    tests = report_for_solver(submission.report).get("tests", [])
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
    """The tests judged so far, while grading runs: hidden ones as in the final solver view (coarse time)."""
    progress = submission.progress or {}
    rows = []
    for number, test in enumerate(progress.get("tests", []), 1):
        hidden = test.get("visibility") != "public"
        rows.append({"name": f"hidden-{number}" if hidden else test.get("name", ""), "hidden": hidden,
                     "time_s": solver_time(test.get("time_s")) if hidden else test.get("time_s"),
                     "ran": test.get("ran", True), "verdict": test.get("verdict", "")})
    return rows


def total_time_for_display(*, submission: Submission) -> float | None:
    """The submission's total time as solvers see it: the solver view's total (coarse when it counts hidden
    tests); without a report, coarse unless it was a run of the public examples only."""
    report = report_for_solver(submission.report)
    if "time_s" in report:
        return report["time_s"]
    return submission.time_s if submission.mode == Mode.RUN else solver_time(submission.time_s)


def draft_for(*, user: AbstractBaseUser, problem: Problem) -> Draft | None:
    """The user's saved editor draft of the problem (any device), or None: the editor starts from the starter."""
    if not user.is_authenticated:
        return None
    return Draft.objects.filter(user=user, problem=problem).first()


def recent_for_problem(*, viewer: AbstractBaseUser, problem: Problem, limit: int = 10) -> list[Submission]:
    if not viewer.is_authenticated:
        return []
    return list(submissions_visible_to(viewer=viewer, problem=problem)[:limit])


def is_code_mode(submission: Submission) -> bool:
    return submission.mode in (Mode.RUN, Mode.SUBMIT)
