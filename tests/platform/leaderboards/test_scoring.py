"""The counting rules (mljudge.leaderboards.scoring): pure functions."""
import pytest

from mljudge.leaderboards import scoring


def test_it_weights_problems_by_difficulty():
    assert [scoring.problem_points(difficulty=d, fraction=1.0) for d in ("easy", "medium", "hard")] == [1, 2, 3]


def test_it_decays_the_total_so_that_breadth_matters():
    assert scoring.decayed_total([1, 3, 2]) == pytest.approx(3 + scoring.DECAY * 2 + scoring.DECAY**2 * 1)
    # Three easy problems beat one medium and nothing else, and order of input does not matter.
    assert scoring.decayed_total([1, 1, 1]) > scoring.decayed_total([2])
    assert scoring.decayed_total([]) == 0 and scoring.decayed_total([0, 0]) == 0


def test_it_counts_a_scored_problem_in_proportion_to_the_threshold_capped_at_one():
    f = lambda score, threshold=0.5, solved=False: scoring.fraction(  # noqa: E731
        kind="scored", solved=solved, score=score, threshold=threshold)
    assert f(0.25) == 0.5 and f(0.5) == 1.0 and f(0.9) == 1.0 and f(-3.0) == 0.0
    assert f(0.3, threshold=None) == 0.3 and f(7.0, threshold=None) == 1.0   # no threshold: clamp to [0, 1]
    assert f(float("nan")) == 0.0 and f(None) == 0.0
    assert f(0.1, solved=True) == 1.0


def test_it_counts_function_problems_all_or_nothing():
    assert scoring.fraction(kind="function", solved=False, score=0.9, threshold=None) == 0.0
    assert scoring.fraction(kind="function", solved=True, score=1.0, threshold=None) == 1.0


def test_it_lets_an_override_decide_whether_it_is_solved():
    solved = lambda **kw: scoring.is_solved(**{"kind": "function", "verdict": "wrong_answer", "score": 0.0,  # noqa: E731
                                               "score_override": None, "threshold": None, **kw})
    assert not solved() and solved(verdict="accepted")
    assert solved(score_override=1.0) and not solved(verdict="accepted", score_override=0.5)
    assert solved(kind="scored", score_override=0.6, threshold=0.5)
    assert not solved(kind="scored", verdict="accepted", score_override=0.4, threshold=0.5)
