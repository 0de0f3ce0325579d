"""learning.services: hints open one at a time and are recorded; giving up opens the editorial and forfeits the
problem; a solve opens it as earned. The leaderboard rules (leaderboards.scoring) apply at once."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mljudge.core.refusals import Reason, Refused
from mljudge.leaderboards import scoring
from mljudge.leaderboards.models import BestResult, Revision
from mljudge.learning import selectors, services
from mljudge.learning.models import EditorialUnlock, HintReveal, UnlockReason

from .conftest import EDITORIAL_CANARY

pytestmark = [pytest.mark.django_db]

MEDIUM = scoring.DIFFICULTY_WEIGHTS["medium"]


def points(user, problem) -> float:
    return BestResult.objects.get(user=user, problem=problem).points


def test_it_reveals_hints_in_order_and_refuses_past_the_last(make_user, hinted):
    user = make_user()
    assert [services.hint_reveal_next(user=user, problem=hinted).index for _ in range(3)] == [0, 1, 2]
    with pytest.raises(Refused) as refused:
        services.hint_reveal_next(user=user, problem=hinted)
    assert refused.value.reason is Reason.NO_MORE_HINTS
    view = selectors.hints_for(user=user, problem=hinted)
    assert [h["title"] for h in view.revealed] == ["Which concept", "Shift", "Almost there"]
    assert "<span class=\"math math-inline\">" in view.revealed[0]["html"] and view.next_number is None


def test_hints_are_per_user_and_a_problem_without_hints_refuses(make_user, hinted, make_problem):
    ann, bob = make_user(), make_user()
    services.hint_reveal_next(user=ann, problem=hinted)
    assert selectors.hints_for(user=bob, problem=hinted).next_number == 1
    with pytest.raises(Refused):
        services.hint_reveal_next(user=ann, problem=make_problem("plain"))


def test_each_hint_before_the_first_solve_costs_ten_percent_up_to_thirty(make_user, hinted, grade):
    user = make_user()
    grade(user, hinted, "wrong_answer")
    for _ in range(3):
        services.hint_reveal_next(user=user, problem=hinted)
    grade(user, hinted, "accepted")
    assert points(user, hinted) == pytest.approx(MEDIUM * (1 - 0.3))
    assert BestResult.objects.get(user=user, problem=hinted).hints_used == 3


def test_a_hint_after_solving_costs_nothing_and_a_reveal_updates_points_at_once(make_user, hinted, grade):
    user = make_user()
    grade(user, hinted, "accepted")
    services.hint_reveal_next(user=user, problem=hinted)
    assert points(user, hinted) == MEDIUM
    other = make_user()
    grade(other, hinted, "wrong_answer")
    before = Revision.objects.get(name=Revision.of_problem(hinted.pk)).number
    services.hint_reveal_next(user=other, problem=hinted)
    grade(other, hinted, "accepted")
    assert points(other, hinted) == pytest.approx(MEDIUM * 0.9)
    assert Revision.objects.get(name=Revision.of_problem(hinted.pk)).number > before


def test_giving_up_is_a_forfeit_even_when_solved_later(make_user, hinted, grade):
    user = make_user()
    grade(user, hinted, "wrong_answer")
    with pytest.raises(Refused) as locked:
        selectors.editorial_html(user=user, problem=hinted)
    assert locked.value.reason is Reason.EDITORIAL_LOCKED
    services.editorial_give_up(user=user, problem=hinted)
    assert EDITORIAL_CANARY in selectors.editorial_html(user=user, problem=hinted)
    grade(user, hinted, "accepted")
    result = BestResult.objects.get(user=user, problem=hinted)
    assert (result.points, result.forfeit, result.solved) == (0.0, True, True)
    assert not user.standings.exists()


def test_giving_up_after_solving_changes_nothing(make_user, hinted, grade):
    user = make_user()
    grade(user, hinted, "accepted")
    unlock = EditorialUnlock.objects.get(user=user, problem=hinted)
    assert unlock.reason == UnlockReason.ACCEPTED
    assert services.editorial_give_up(user=user, problem=hinted) == unlock
    assert points(user, hinted) == MEDIUM and not BestResult.objects.get(user=user, problem=hinted).forfeit


def test_a_full_rebuild_applies_the_same_rules(make_user, hinted, grade):
    from mljudge.leaderboards.services import leaderboards_rebuild

    ann, bob = make_user(), make_user()
    services.hint_reveal_next(user=ann, problem=hinted)
    services.editorial_give_up(user=bob, problem=hinted)
    grade(ann, hinted, "accepted")
    grade(bob, hinted, "accepted")
    before = {r.user_id: (r.points, r.forfeit, r.hints_used) for r in BestResult.objects.all()}
    leaderboards_rebuild()
    assert {r.user_id: (r.points, r.forfeit, r.hints_used) for r in BestResult.objects.all()} == before
    assert before[ann.pk] == (pytest.approx(MEDIUM * 0.9), False, 1) and before[bob.pk][:2] == (0.0, True)


def test_a_repeated_reveal_request_reveals_one_hint(make_user, hinted):
    user = make_user()
    HintReveal.objects.create(user=user, problem=hinted, index=0, revealed_at="2026-01-01T00:00:00Z")
    # The count says index 0 is next only if a concurrent request inserted it meanwhile: simulate by patching.
    from unittest import mock

    with mock.patch.object(HintReveal.objects, "filter") as filtered:
        filtered.return_value.count.return_value = 0
        same = services.hint_reveal_next(user=user, problem=hinted)
    assert same.index == 0 and HintReveal.objects.filter(user=user).count() == 1


def test_the_problem_page_learning_view_costs_few_queries(make_user, hinted):
    user = make_user()
    with CaptureQueriesContext(connection) as queries:
        selectors.learning_view(user=user, problem=hinted)
    # The reveals, the unlock, the solve, and (issue 16) whether a mock interview runs: one query each at most.
    assert len(queries) <= 5



def test_a_running_mock_interview_locks_hints_and_the_editorial(make_user, make_problem):
    """Issue 16: hints and editorials are locked while a mock interview runs, on every problem, and open again
    when it ends."""
    from mljudge.assessments import policy
    from mljudge.assessments.services import mock_end, mock_start
    from mljudge.problemset.models import Problem

    user = make_user()
    problem = make_problem("locked-toy", hints=[("One", "first"), ("Two", "second")],
                           editorial="## Approach\nSECRET-EDITORIAL")
    make_problem("drawn-toy")
    services.hint_reveal_next(user=user, problem=problem)
    session = mock_start(user=user, minutes=policy.MOCK_LENGTHS[0], coding=1, with_design=False,
                         pool=Problem.objects.filter(slug="drawn-toy"), source="difficulty", now=policy.now())
    for write in (services.hint_reveal_next, services.editorial_give_up):
        with pytest.raises(Refused) as refused:
            write(user=user, problem=problem)
        assert refused.value.reason is Reason.LOCKED_IN_MOCK
    view = selectors.learning_view(user=user, problem=problem)
    assert view.mock_locked and view.hints.revealed == [] and not view.editorial_open
    with pytest.raises(Refused):
        selectors.editorial_html(user=user, problem=problem)
    mock_end(user=user, session_id=session.id, now=policy.now())
    assert [h["title"] for h in selectors.learning_view(user=user, problem=problem).hints.revealed] == ["One"]
    services.editorial_give_up(user=user, problem=problem)
    assert "SECRET-EDITORIAL" in selectors.editorial_html(user=user, problem=problem)
