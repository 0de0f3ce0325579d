import numpy as np

from grader.checkers import compare, label_permutation


def test_it_accepts_values_within_tolerance_and_lists_for_arrays():
    assert compare(np.array([1.0, 2.0]), [1.0 + 1e-9, 2.0])[0]


def test_it_rejects_a_shape_mismatch_with_a_message_naming_the_shapes():
    ok, message = compare(np.zeros((2, 3)), np.zeros((3, 2)))
    assert not ok and "(2, 3)" in message and "(3, 2)" in message


def test_it_rejects_nan_where_a_number_is_due():
    ok, message = compare(np.array([0.5, 0.5]), np.array([np.nan, 0.5]))
    assert not ok and "NaN" in message


def test_it_rejects_floats_where_integers_are_due():
    assert not compare(np.array([0, 1, 1]), np.array([0.0, 1.0, 1.0]))[0]
    assert compare(np.array([0, 1, 1]), np.array([0, 1, 1], dtype=np.int32))[0]


def test_it_points_at_the_first_differing_entry():
    ok, message = compare(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[1.0, 2.0], [3.0, 4.5]]))
    assert not ok and "result[1, 1]" in message and "1 of 4" in message


def test_it_compares_tuples_dicts_and_scalars_structurally():
    assert compare((np.ones(2), 3), [np.ones(2), 3])[0]
    assert not compare((np.ones(2), 3), (np.ones(2),))[0]
    assert compare({"f1": 0.5}, {"f1": 0.5 + 1e-12})[0]
    assert not compare({"f1": 0.5}, {"f1": 0.5, "extra": 1})[0]
    assert not compare(1.0, True)[0]
    assert not compare(1.0, "1.0")[0]
    assert not compare(3, 3.0)[0] and compare(3, np.array(3))[0] and compare(2.0, 2)[0]


def test_exact_mode_demands_bitwise_equal_floats():
    assert not compare(np.array([0.1 + 0.2]), np.array([0.3]), exact=True)[0]


def test_label_permutation_finds_the_renaming_or_none():
    assert label_permutation(np.array([0, 0, 1, 2]), np.array([2, 2, 0, 1])) == {2: 0, 0: 1, 1: 2}
    assert label_permutation(np.array([0, 0, 1, 1]), np.array([0, 1, 1, 1])) is None
    assert label_permutation(np.array([0, 1]), np.array([0, 0])) is None
