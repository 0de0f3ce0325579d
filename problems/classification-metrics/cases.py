import numpy as np


def cases():
    rng = np.random.default_rng(20261124)
    out = [
        {"name": "example", "public": True,
         "args": [np.array([1, 0, 1, 1, 0, 1, 0, 0]), np.array([1, 1, 1, 0, 0, 0, 0, 0])]},
        {"name": "example-no-predicted-positives", "public": True,
         "args": [np.array([0, 1, 1, 0]), np.array([0, 0, 0, 0])]},
    ]
    out.append({"name": "single-sample-tp", "public": False, "category": "single sample",
                "args": [np.array([1]), np.array([1])]})
    out.append({"name": "single-sample-tn", "public": False, "category": "single sample",
                "args": [np.array([0]), np.array([0])]})
    out.append({"name": "no-true-positives-labels", "public": False, "category": "zero division",
                "covers": ["recall-zero-division", "f1-zero-division"],
                "args": [np.array([0, 0, 0, 0, 0]), np.array([0, 1, 0, 1, 0])]})
    out.append({"name": "all-negative-both", "public": False, "category": "zero division",
                "covers": ["precision-zero-division", "recall-zero-division", "f1-zero-division"],
                "args": [np.zeros(7, dtype=np.int64), np.zeros(7, dtype=np.int64)]})
    out.append({"name": "perfect", "public": False, "category": "perfect or all-wrong predictions",
                "args": [np.array([0, 1, 1, 0, 1]), np.array([0, 1, 1, 0, 1])]})
    out.append({"name": "all-wrong", "public": False, "category": "perfect or all-wrong predictions",
                "args": [np.array([0, 1, 1, 0, 1]), np.array([1, 0, 0, 1, 0])]})
    # Asymmetric: precision and recall differ a lot, so swapping them or averaging them shows.
    t = np.array([1] * 10 + [0] * 30)
    p = np.array([1] * 2 + [0] * 8 + [1] * 1 + [0] * 29)
    out.append({"name": "high-precision-low-recall", "public": False, "category": "precision differs from recall",
                "args": [t, p]})
    t = (rng.random(300) < 0.5).astype(np.int64)
    p = np.where(rng.random(300) < 0.8, 1, t)
    out.append({"name": "low-precision-high-recall", "public": False, "category": "precision differs from recall",
                "args": [t, p]})
    t = rng.random(50) < 0.3
    p = rng.random(50) < 0.4
    out.append({"name": "bool-arrays", "public": False, "category": "boolean labels", "args": [t, p]})
    # int8 labels with more than 127 true positives: a dot product in int8 overflows.
    t = (rng.random(1000) < 0.7).astype(np.int8)
    p = np.where(rng.random(1000) < 0.9, t, 1 - t).astype(np.int8)
    out.append({"name": "int8-many-positives", "public": False, "category": "counts overflow a small dtype",
                "covers": ["small-dtype-counts"], "args": [t, p]})
    t = (rng.random(200_000) < 0.1).astype(np.int8)
    p = np.where(rng.random(200_000) < 0.75, t, 1 - t).astype(np.int8)
    out.append({"name": "large-imbalanced", "public": False, "category": "large input", "args": [t, p]})
    out.extend(_hidden_dtype_cases(np.random.default_rng(20261202)))
    return out


def _pair(rng, n, n_tp, n_fp, n_fn, dtype_true, dtype_pred):
    """Shuffled labels with exactly n_tp, n_fp and n_fn (the rest true negatives)."""
    t = np.zeros(n, dtype=np.int64)
    p = np.zeros(n, dtype=np.int64)
    t[:n_tp] = p[:n_tp] = 1
    p[n_tp:n_tp + n_fp] = 1
    t[n_tp + n_fp:n_tp + n_fp + n_fn] = 1
    order = rng.permutation(n)
    return t[order].astype(dtype_true), p[order].astype(dtype_pred)


def _hidden_dtype_cases(rng):
    out = []
    # Counts past the small dtypes' limits: a count (dot product, einsum, reduce) in the input dtype wraps.
    for name, n, n_tp, n_fp, n_fn, dt in [
        ("uint8-300-true-positives", 700, 300, 70, 90, "uint8"),
        ("int16-33k-true-positives", 40_000, 33_000, 1_500, 2_500, "int16"),
        ("uint16-66k-true-positives", 72_000, 66_000, 2_000, 3_000, "uint16"),
    ]:
        out.append({"name": name, "public": False, "category": "counts overflow a small dtype",
                    "covers": ["small-dtype-counts"], "args": list(_pair(rng, n, n_tp, n_fp, n_fn, dt, dt))})
    # Mined (grader mine): exactly 128 positives in int8 (against uint8 predictions): a sum in int8 gives -128.
    out.append({"name": "mined-128-int8-positives", "public": False, "category": "counts overflow a small dtype",
                "covers": ["small-dtype-counts"],
                "args": [np.ones(128, dtype=np.int8), np.ones(128, dtype=np.uint8)]})
    # Unsigned labels of the same dtype with false negatives: y_pred - y_true wraps instead of giving -1.
    out.append({"name": "uint32-false-negatives", "public": False, "category": "unsigned labels",
                "args": list(_pair(rng, 12, 3, 1, 4, "uint32", "uint32"))})
    out.append({"name": "uint64-false-negatives", "public": False, "category": "unsigned labels",
                "args": list(_pair(rng, 11, 2, 2, 5, "uint64", "uint64"))})
    # Bools (True + True is True, not 2) and bools mixed with integers.
    out.append({"name": "bool-bool-true-positives", "public": False, "category": "boolean labels",
                "args": [np.array([True, True, False, True, False, True]),
                         np.array([True, False, True, True, False, True])]})
    out.append({"name": "int32-true-bool-pred", "public": False, "category": "mixed dtypes",
                "args": list(_pair(rng, 15, 5, 3, 2, "int32", "bool"))})
    out.append({"name": "bool-true-int32-pred", "public": False, "category": "mixed dtypes",
                "args": list(_pair(rng, 15, 4, 6, 1, "bool", "int32"))})
    # Zero division with small and unsigned dtypes.
    out.append({"name": "zero-division-all-uint8-bool", "public": False, "category": "zero division",
                "covers": ["precision-zero-division", "recall-zero-division", "f1-zero-division"],
                "args": [np.zeros(5, dtype=np.uint8), np.zeros(5, dtype=bool)]})
    out.append({"name": "zero-division-recall-uint64-int16", "public": False, "category": "zero division",
                "covers": ["recall-zero-division", "f1-zero-division"],
                "args": [np.zeros(6, dtype=np.uint64), np.array([1, 0, 1, 1, 0, 0], dtype=np.int16)]})
    out.append({"name": "zero-division-precision-bool-int8", "public": False, "category": "zero division",
                "covers": ["precision-zero-division", "f1-zero-division"],
                "args": [np.array([True, False, True, True]), np.zeros(4, dtype=np.int8)]})
    return out


def draw_case(draw):
    """One input from the declared space: two 0/1 arrays of the same short length, each of any integer dtype
    or bool, often all-zero (the zero-division rules)."""
    import hypothesis.strategies as st
    from hypothesis.extra import numpy as hnp

    dtypes = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
    if draw(st.integers(0, 4)) == 0:
        # Counts just past an 8-bit dtype's limit: mostly ones, a few zeros.
        n = draw(st.sampled_from([128, 200, 256, 257, 300]))
        arrays = []
        for _ in range(2):
            a = np.ones(n, dtype=draw(st.sampled_from(["int8", "uint8", "bool"])))
            a[draw(st.lists(st.integers(0, n - 1), max_size=6))] = 0
            arrays.append(a)
        return {"args": arrays, "kwargs": {}}
    n = draw(st.integers(1, 12))

    def labels():
        dtype = np.dtype(draw(st.sampled_from(dtypes)))
        if draw(st.integers(0, 3)) == 0:
            return np.zeros(n, dtype=dtype)
        return draw(hnp.arrays(dtype, n, elements=st.booleans() if dtype == np.bool_ else st.integers(0, 1)))

    return {"args": [labels(), labels()], "kwargs": {}}
