import numpy as np

from grader.report import Verdict
from grader.scoring import overall_verdict, public_mask, recall_at_k, score_rows, validate_predictions


def test_verdict_priority_follows_the_design():
    V = Verdict
    assert overall_verdict([V.WRONG_ANSWER, V.RUNTIME_ERROR]) is V.RUNTIME_ERROR
    assert overall_verdict([V.RUNTIME_ERROR, V.OUTPUT_LIMIT_EXCEEDED]) is V.OUTPUT_LIMIT_EXCEEDED
    assert overall_verdict([V.OUTPUT_LIMIT_EXCEEDED, V.MEMORY_LIMIT_EXCEEDED]) is V.MEMORY_LIMIT_EXCEEDED
    assert overall_verdict([V.MEMORY_LIMIT_EXCEEDED, V.TIME_LIMIT_EXCEEDED]) is V.TIME_LIMIT_EXCEEDED
    assert overall_verdict([V.TIME_LIMIT_EXCEEDED, V.SYSTEM_ERROR]) is V.SYSTEM_ERROR
    assert overall_verdict([V.ACCEPTED, V.ACCEPTED]) is V.ACCEPTED


def test_skipped_tests_alone_never_make_an_accept():
    assert overall_verdict([Verdict.ACCEPTED, Verdict.SKIPPED]) is Verdict.WRONG_ANSWER


def test_recall_at_k_counts_each_item_once_and_caps_the_denominator_at_k():
    per_row = recall_at_k([[1, 1, 2, 3], [9, 8]], [np.array([1, 2]), np.array([5, 6, 7])], k=2)
    np.testing.assert_allclose(per_row, [1.0, 0.0])
    per_row = recall_at_k([[1, 2, 3]], [np.arange(10)], k=3)
    np.testing.assert_allclose(per_row, [1.0])


def test_predictions_must_have_one_integer_row_per_target():
    target = [np.array([1]), np.array([2])]
    assert validate_predictions([[1, 2]], target, "recall_at_k")
    assert validate_predictions([[1.5], [2.0]], target, "recall_at_k")
    assert not validate_predictions(np.array([[1, 2], [3, 4]]), target, "recall_at_k")


def test_public_mask_is_seeded_stable_and_non_trivial():
    a = public_mask(100, fraction=0.3, seed="p")
    assert np.array_equal(a, public_mask(100, fraction=0.3, seed="p"))
    assert not np.array_equal(a, public_mask(100, fraction=0.3, seed="q"))
    assert 15 < a.sum() < 45
    assert public_mask(2, fraction=0.5, seed="x").tolist().count(True) == 1


def test_score_rows_splits_public_and_private():
    public, private, overall = score_rows(np.array([1.0, 0.0, 1.0, 0.0]), np.array([True, True, False, False]))
    assert (public, private, overall) == (0.5, 0.5, 0.5)
