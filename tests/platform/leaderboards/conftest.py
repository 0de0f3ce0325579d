"""Grades go through the real pipeline's last step (grading.services.submission_complete), which records the
BestResult in the same transaction; only the sandbox is left out."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone as tz

import grader
import pytest
from django.utils import timezone

from mljudge.grading import services as grading
from mljudge.submissions.models import Mode, Submission

T0 = datetime(2026, 1, 1, 12, 0, tzinfo=tz.utc)


@pytest.fixture
def grade(make_submission):
    """grade(user, problem, "accepted" | "wrong_answer" | …, score=…, private=…, at=datetime, time_s=…)"""

    def make(user, problem, verdict: str = "accepted", *, score: float | None = None, private: float | None = None,
             at: datetime | None = None, time_s: float = 0.05, mode: str = Mode.SUBMIT) -> Submission:
        submission = make_submission(user, problem, mode=mode)
        if at is not None:
            Submission.objects.filter(id=submission.id).update(created_at=at, queued_at=at)
        claim = grading.submission_claim(submission_id=submission.id)
        if score is None:
            score = 1.0 if verdict == "accepted" else 0.0
        report = grader.Report(problem=problem.slug, problem_version=1, verdict=grader.Verdict(verdict), score=score,
                               private_score=private, passed=1 if verdict == "accepted" else 0, total=1,
                               time_s=time_s)
        assert grading.submission_complete(claim=claim, report=report)
        return Submission.objects.get(id=submission.id)

    return make


@pytest.fixture
def problems(make_problem):
    """easy/medium/hard function problems and a scored one (threshold 0.5), on two topics."""
    easy = make_problem("easy-one", difficulty="easy", topics=("linear-algebra",))
    medium = make_problem("medium-one", difficulty="medium", topics=("linear-algebra", "optimisation"))
    hard = make_problem("hard-one", difficulty="hard", topics=("optimisation",))
    scored = make_problem("scored-one", kind="scored", difficulty="hard", topics=("ranking",))
    scored.score_threshold = 0.5
    scored.save(update_fields=["score_threshold"])
    return {"easy": easy, "medium": medium, "hard": hard, "scored": scored}


def days_ago(n: float) -> datetime:
    return timezone.now() - timedelta(days=n)


@pytest.fixture(autouse=True)
def _empty_cache():
    # Cached pages are keyed by a revision that is random per database: clearing keeps tests independent anyway.
    from django.core.cache import cache

    cache.clear()
