import numpy as np


def cases():
    rng = np.random.default_rng(20261125)
    out = [
        {"name": "example", "public": True,
         "args": [np.array([0, 0, 1, 1, 2, 2, 2]), np.array([0, 1, 1, 1, 0, 2, 1]), 3]},
        {"name": "example-absent-class", "public": True,
         "args": [np.array([0, 1, 0]), np.array([1, 1, 0]), 4]},
    ]
    out.append({"name": "single-sample", "public": False, "category": "absent classes",
                "covers": ["absent-class"], "args": [np.array([2]), np.array([0]), 3]})
    out.append({"name": "one-class", "public": False, "category": "single class",
                "covers": ["single-class"], "args": [np.array([0, 0, 0]), np.array([0, 0, 0]), 1]})
    out.append({"name": "empty-input", "public": False, "category": "empty input", "covers": ["empty-input"],
                "args": [np.array([], dtype=np.int64), np.array([], dtype=np.int64), 3]})
    # Asymmetric errors: a transposed matrix is visibly wrong.
    out.append({"name": "asymmetric-binary", "public": False, "category": "rows versus columns",
                "args": [np.array([1, 1, 1, 1, 0, 0]), np.array([0, 0, 0, 1, 0, 0]), 2]})
    # The largest label never occurs in either array: the last row and column are zeros.
    t = rng.integers(0, 5, size=60)
    p = np.where(rng.random(60) < 0.6, t, rng.integers(0, 5, size=60))
    out.append({"name": "trailing-classes-absent", "public": False, "category": "absent classes",
                "covers": ["absent-class"], "args": [t, p, 8]})
    # Class 3 is predicted but never true; class 1 is true but never predicted.
    t = np.array([0, 1, 2, 1, 0, 2, 1, 4, 4])
    p = np.array([3, 0, 2, 2, 0, 3, 0, 4, 3])
    out.append({"name": "true-only-and-pred-only-classes", "public": False, "category": "absent classes",
                "covers": ["absent-class"], "args": [t, p, 5]})
    t = rng.integers(0, 4, size=100)
    out.append({"name": "perfect-predictions", "public": False, "category": "perfect predictions",
                "args": [t, t.copy(), 4]})
    # uint8 labels with 200 classes: true * n_classes + pred overflows uint8 if not widened.
    t = rng.integers(0, 200, size=3000).astype(np.uint8)
    p = np.where(rng.random(3000) < 0.5, t, rng.integers(0, 200, size=3000)).astype(np.uint8)
    out.append({"name": "uint8-labels-200-classes", "public": False, "category": "small dtype overflow",
                "covers": ["small-dtype-overflow"], "args": [t, p, 200]})
    t = rng.integers(0, 6, size=500).astype(np.int16)
    p = rng.integers(0, 6, size=500).astype(np.int32)
    out.append({"name": "mixed-int-dtypes", "public": False, "category": "mixed dtypes",
                "covers": ["mixed-dtypes"], "args": [t, p, 6]})
    # Large: 200k samples, 300 classes; looping over all class pairs (300 * 300 passes over the data) is too slow.
    t = rng.integers(0, 300, size=200_000).astype(np.int16)
    p = np.where(rng.random(200_000) < 0.7, t, rng.integers(0, 300, size=200_000)).astype(np.int16)
    out.append({"name": "large-300-classes", "public": False, "category": "large input", "args": [t, p, 300]})
    out.extend(_hidden_dtype_cases(np.random.default_rng(20261202)))
    return out


def _crowded(rng, n_crowd, cell, n_rest, k_true, k_pred, dtype_true, dtype_pred):
    """n_crowd samples in one cell (a count past a small dtype's maximum) plus n_rest random ones."""
    t = np.concatenate([np.full(n_crowd, cell[0]), rng.integers(0, k_true, size=n_rest)])
    p = np.concatenate([np.full(n_crowd, cell[1]), rng.integers(0, k_pred, size=n_rest)])
    order = rng.permutation(t.size)
    return t[order].astype(dtype_true), p[order].astype(dtype_pred)


def _hidden_dtype_cases(rng):
    out = []
    # Small dtypes: K itself, the flat index t * K + p and a crowded cell's count all exceed the dtype.
    t, p = _crowded(rng, 200, (0, 0), 300, 128, 128, "int8", "int8")
    out.append({"name": "int8-150-classes-crowded-cell", "public": False, "category": "small dtype overflow",
                "covers": ["small-dtype-overflow", "absent-class"], "args": [t, p, 150]})
    t, p = _crowded(rng, 300, (5, 5), 400, 256, 256, "uint8", "uint8")
    out.append({"name": "uint8-256-classes-crowded-cell", "public": False, "category": "small dtype overflow",
                "covers": ["small-dtype-overflow"], "args": [t, p, 256]})
    t, p = _crowded(rng, 33_000, (299, 299), 2_000, 300, 300, "int16", "int16")
    out.append({"name": "int16-300-classes-crowded-cell", "public": False, "category": "small dtype overflow",
                "covers": ["small-dtype-overflow"], "args": [t, p, 300]})
    t, p = _crowded(rng, 66_000, (1, 2), 2_000, 300, 300, "uint16", "uint16")
    out.append({"name": "uint16-300-classes-crowded-cell", "public": False, "category": "small dtype overflow",
                "covers": ["small-dtype-overflow"], "args": [t, p, 300]})
    # Wide and mixed dtypes: int64 + uint64 promotes to float64 (np.bincount refuses it).
    out.append({"name": "int64-true-uint64-pred", "public": False, "category": "mixed dtypes",
                "covers": ["mixed-dtypes"],
                "args": [np.array([0, 4, 4, 2, 1, 0, 3], dtype=np.int64),
                         np.array([4, 4, 0, 2, 2, 0, 3], dtype=np.uint64), 5]})
    out.append({"name": "uint64-true-int8-pred", "public": False, "category": "mixed dtypes",
                "covers": ["mixed-dtypes", "absent-class"],
                "args": [np.array([2, 2, 0, 1, 2], dtype=np.uint64), np.array([1, 2, 2, 0, 0], dtype=np.int8), 4]})
    out.append({"name": "int32-true-uint32-pred", "public": False, "category": "mixed dtypes",
                "covers": ["mixed-dtypes"],
                "args": [np.array([6, 0, 3, 3, 5, 1, 6, 2], dtype=np.int32),
                         np.array([6, 1, 3, 0, 5, 1, 2, 2], dtype=np.uint32), 7]})
    out.append({"name": "uint32-single-class", "public": False, "category": "single class", "covers": ["single-class"],
                "args": [np.zeros(4, dtype=np.uint32), np.zeros(4, dtype=np.uint32), 1]})
    out.append({"name": "empty-uint8-int16", "public": False, "category": "empty input",
                "covers": ["empty-input", "mixed-dtypes"],
                "args": [np.array([], dtype=np.uint8), np.array([], dtype=np.int16), 2]})
    # Mined (grader mine): 127 * 259 = 32,893 passes int16's maximum; empty int8 + uint64 promotes to float64.
    out.append({"name": "mined-int16-flat-index", "public": False, "category": "small dtype overflow",
                "covers": ["small-dtype-overflow"],
                "args": [np.array([127], dtype=np.int8), np.array([0], dtype=np.int8), 259]})
    out.append({"name": "mined-int8-128-in-one-cell", "public": False, "category": "small dtype overflow",
                "covers": ["small-dtype-overflow", "single-class"],
                "args": [np.zeros(128, dtype=np.int8), np.zeros(128, dtype=np.int8), 1]})
    out.append({"name": "mined-empty-int8-uint64", "public": False, "category": "empty input",
                "covers": ["empty-input", "mixed-dtypes"],
                "args": [np.zeros(0, dtype=np.int8), np.zeros(0, dtype=np.uint64), 1]})
    return out


def draw_case(draw):
    """One input from the declared space: two label arrays of any integer dtypes (possibly different), the
    same short length (possibly 0), values below K, 1 <= K <= 300 (K limited by the dtypes' maxima)."""
    import hypothesis.strategies as st
    from hypothesis.extra import numpy as hnp

    dtypes = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
    dt_true = np.dtype(draw(st.sampled_from(dtypes)))
    dt_pred = np.dtype(draw(st.sampled_from(dtypes)))
    k = draw(st.one_of(st.sampled_from([1, 2, 127, 128, 129, 255, 256, 300]), st.integers(1, 300)))
    n = draw(st.integers(0, 10))
    crowd = 0
    if draw(st.integers(0, 4)) == 0:
        # A crowded cell: more samples than an 8-bit dtype's maximum share one (true, pred) pair.
        crowd = draw(st.sampled_from([128, 200, 256, 257, 300]))

    def labels(dtype):
        top = min(k - 1, int(np.iinfo(dtype).max))   # labels below K that the dtype can hold
        elements = st.one_of(st.sampled_from([0, top]), st.integers(0, top))
        head = np.full(crowd, draw(st.sampled_from([0, top])), dtype=dtype)
        return np.concatenate([head, draw(hnp.arrays(dtype, n, elements=elements))])

    return {"args": [labels(dt_true), labels(dt_pred), k], "kwargs": {}}
