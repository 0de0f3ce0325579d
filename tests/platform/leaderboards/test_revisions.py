"""Cached leaderboard pages are keyed by revisions per scope and per problem (issue 11): a grade invalidates
only the pages it changed, and a grade committed by a worker process invalidates the page cached in the shared
Redis for every web process."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.urls import reverse

from mljudge.leaderboards import selectors
from mljudge.submissions.models import Status, Submission

from ..conftest import ROOT
from ..pipeline.workers import database_url
from .conftest import T0, days_ago

URL = reverse("leaderboards:global")


def keys(problems) -> dict[str, str]:
    """The cache key of every page a grade might invalidate, as an anonymous visitor reads them."""
    anonymous = AnonymousUser()
    boards = {f"global {period}": selectors.leaderboard_global(viewer=anonymous, period=period)
              for period in (selectors.Period.ALL, selectors.Period.LAST_30_DAYS)}
    boards |= {f"topic {t}": selectors.leaderboard_global(viewer=anonymous, topic=t)
               for t in ("linear-algebra", "optimisation", "ranking")}
    boards |= {f"problem {key}": selectors.leaderboard_for_problem(problem=p, viewer=anonymous)
               for key, p in problems.items()}
    return {name: board.cache_key for name, board in boards.items()}


def changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {name for name in before if before[name] != after[name]}


@pytest.mark.django_db
def test_it_invalidates_only_the_scopes_and_the_problem_a_grade_changed(grade, make_user, problems):
    alice, bob = make_user("alice"), make_user("bob")
    grade(bob, problems["hard"], "accepted", at=T0)

    before = keys(problems)
    grade(alice, problems["easy"], "accepted", at=T0)        # easy: linear-algebra, reached long ago
    assert changed(before, keys(problems)) == {"global all", "topic linear-algebra", "problem easy"}

    before = keys(problems)
    grade(alice, problems["easy"], "wrong_answer", at=days_ago(1))   # no standing moves; the problem's board does
    assert changed(before, keys(problems)) == {"problem easy"}

    before = keys(problems)
    grade(alice, problems["medium"], "accepted", at=days_ago(1))
    assert changed(before, keys(problems)) == {"global all", "global 30d", "topic linear-algebra",
                                               "topic optimisation", "problem medium"}


WORKER = textwrap.dedent("""
    import sys
    import django
    django.setup()
    import grader
    from django.test import Client
    from django.urls import reverse
    from mljudge.grading import services

    claim = services.submission_claim(submission_id=int(sys.argv[1]))
    report = grader.Report(problem="easy-one", problem_version=1, verdict=grader.Verdict.ACCEPTED, score=1.0,
                           passed=1, total=1, time_s=0.05)
    assert services.submission_complete(claim=claim, report=report)
    assert Client().get(reverse("leaderboards:global")).status_code == 200   # this process caches the page
""")


@pytest.mark.django_db(transaction=True)
@pytest.mark.services
def test_it_shows_a_grade_committed_by_another_process_on_the_next_page(client, grade, make_user, make_submission,
                                                                       problems, redis_url):
    grade(make_user("alice"), problems["hard"], "accepted", at=T0)
    page = client.get(URL).content.decode()
    assert 'data-user="alice"' in page and 'data-user="bob"' not in page     # cached in Redis now

    pending = make_submission(make_user("bob"), problems["easy"])
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "mljudge.config.settings.test", "DATABASE_URL": database_url(),
           "REDIS_URL": redis_url, "PYTHONPATH": os.pathsep.join([str(ROOT / "platform"), str(ROOT)])}
    done = subprocess.run([sys.executable, "-c", WORKER, str(pending.id)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert Submission.objects.get(id=pending.id).status == Status.GRADED

    # The other process rendered the new revision's rows into the shared cache under the key this one builds...
    board = selectors.leaderboard_global(viewer=AnonymousUser())
    shared = cache.get(make_template_fragment_key("leaderboard_rows", [board.cache_key]))
    assert shared is not None and 'data-user="bob"' in shared
    # ...and this process's next page shows the grade.
    page = client.get(URL).content.decode()
    assert 'data-user="alice"' in page and 'data-user="bob"' in page
