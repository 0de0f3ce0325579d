"""A realistic demo data set for load tests and screenshots: many users of very different activity, submissions
spread over half a year, more attempts on easy problems, more accepts from stronger users. Bulk inserts only;
the leaderboards are then rebuilt from the submissions by the same code that keeps them up to date."""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import F
from django.utils import timezone

import grader
from mljudge.accounts.models import Profile, Role
from mljudge.grading.reports import report_fields
from mljudge.problemset.models import Difficulty, Kind, Problem
from mljudge.submissions.models import Mode, Status, Submission, Verdict

from .services import leaderboards_rebuild

PREFIX = "demo"
PASSWORD = "demo-Password-1"
DAYS = 180
BATCH = 5000
POPULARITY = {Difficulty.EASY: 3.0, Difficulty.MEDIUM: 2.0, Difficulty.HARD: 1.0}
EASE = {Difficulty.EASY: 0.55, Difficulty.MEDIUM: 0.35, Difficulty.HARD: 0.2}
FAILURES = [(Verdict.WRONG_ANSWER, 60), (Verdict.RUNTIME_ERROR, 18), (Verdict.TIME_LIMIT_EXCEEDED, 10),
            (Verdict.COMPILE_ERROR, 7), (Verdict.MEMORY_LIMIT_EXCEEDED, 5)]


@dataclass
class SeedResult:
    users: int
    submissions: int
    best_results: int
    standings: int


def _users(*, count: int, rng: random.Random) -> list[int]:
    User = get_user_model()
    existing = User.objects.filter(username__startswith=PREFIX).count()
    password = make_password(PASSWORD)  # hashed once: hashing 10,000 times would take minutes
    start = existing + 1
    users = [User(username=f"{PREFIX}{n:06d}", email=f"{PREFIX}{n:06d}@example.com", password=password,
                  date_joined=timezone.now() - timedelta(days=rng.uniform(0, DAYS)))
             for n in range(start, start + count)]
    User.objects.bulk_create(users, batch_size=BATCH)
    ids = list(User.objects.filter(username__startswith=PREFIX).order_by("id").values_list("id", flat=True))
    new = ids[existing:]
    Profile.objects.bulk_create([Profile(user_id=i, display_name=f"Demo {i}") for i in new], batch_size=BATCH)
    solver = Group.objects.get_or_create(name=Role.SOLVER)[0]
    User.groups.through.objects.bulk_create([User.groups.through(user_id=i, group_id=solver.id) for i in new],
                                            batch_size=BATCH)
    return ids


def _submissions(*, count: int, user_ids: list[int], problems: list[Problem], rng: random.Random,
                 now: datetime) -> int:
    # Activity follows a heavy tail (a few users submit a lot), and so does skill.
    activity = [rng.paretovariate(1.2) for _ in user_ids]
    skill = {u: min(1.0, rng.betavariate(2, 3) * 1.6) for u in user_ids}
    weights = [POPULARITY.get(p.difficulty, 1.0) for p in problems]
    verdicts, verdict_weights = zip(*FAILURES)
    made = 0
    while made < count:
        batch = []
        for user_id, problem in zip(rng.choices(user_ids, activity, k=min(BATCH, count - made)),
                                    rng.choices(problems, weights, k=min(BATCH, count - made))):
            created = now - timedelta(days=DAYS * rng.random() ** 1.5, seconds=rng.uniform(0, 86400))
            mode = Mode.RUN if rng.random() < 0.15 else Mode.SUBMIT
            chance = skill[user_id] * EASE.get(problem.difficulty, 0.3) * 2
            score = private = None
            if problem.kind == Kind.SCORED:
                threshold = problem.score_threshold or 0.5
                score = max(0.0, min(1.0, rng.gauss(threshold * (0.6 + skill[user_id]), threshold * 0.3)))
                private = max(0.0, min(1.0, score + rng.gauss(0, 0.03)))
                verdict = Verdict.ACCEPTED if score >= threshold else Verdict.WRONG_ANSWER
            else:
                verdict = Verdict.ACCEPTED if rng.random() < chance else rng.choices(verdicts, verdict_weights)[0]
                score = 1.0 if verdict == Verdict.ACCEPTED else round(rng.random() * 0.9, 3)
            # A real (test-less) report, stored as grading stores one: its columns come from report_fields.
            report = grader.Report(problem=problem.slug, problem_version=0, verdict=grader.Verdict(verdict),
                                   score=score, private_score=private, time_s=round(rng.uniform(0.002, 0.8), 4),
                                   sandbox="demo-seed", public_only=mode == Mode.RUN)
            batch.append(Submission(
                user_id=user_id, problem_id=problem.id, problem_version_id=problem.current_version_id, mode=mode,
                status=Status.GRADED, source="def solve(*args):\n    ...\n", **report_fields(report),
                attempts=1, queued_at=created, started_at=created, finished_at=created + timedelta(seconds=1)))
        created_list = Submission.objects.bulk_create(batch, batch_size=BATCH)
        made += len(created_list)
    return made


def demo_data_seed(*, users: int, submissions: int, seed: int = 1) -> SeedResult:
    """Adds `users` demo users and `submissions` graded submissions across the active code problems."""
    problems = list(Problem.objects.filter(is_active=True).exclude(kind=Kind.DESIGN))
    if not problems:
        raise ValueError("no problems in the catalogue: run `manage.py sync_problems` first")
    if users < 1 or submissions < 0:
        raise ValueError("--users must be at least 1 and --submissions at least 0")
    rng = random.Random(seed)
    now = timezone.now()
    with transaction.atomic():
        user_ids = _users(count=users, rng=rng)
        made = _submissions(count=submissions, user_ids=user_ids, problems=problems, rng=rng, now=now)
        # created_at is auto_now_add (bulk_create sets it to now): spread it over the half year like queued_at.
        Submission.objects.filter(user__username__startswith=PREFIX, created_at__gt=F("queued_at")).update(
            created_at=F("queued_at"))
    best, standings = leaderboards_rebuild(now=now)
    return SeedResult(users=len(user_ids), submissions=made, best_results=best, standings=standings)
