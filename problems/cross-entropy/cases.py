import numpy as np


def cases():
    rng = np.random.default_rng(20261204)

    def targets(n, c):
        return rng.integers(0, c, size=n)

    # Confidently wrong: the target's logit sits 50, 200 and 800 below the row's max.
    confident_wrong = np.array([[50.0, 0.0, 1.0], [-100.0, 100.0, 0.0], [3.0, 2.0, 803.0]])
    # Rows on very different scales: one global max would underflow the low rows to exp(-2000) = 0.
    mixed_rows = np.vstack([rng.normal(0, 1, (3, 4)), rng.normal(0, 1, (3, 4)) + 2000.0,
                            rng.normal(0, 1, (2, 4)) - 3000.0])
    out = [
        {"name": "example-single-row", "public": True,
         "args": [np.array([[2.0, 1.0, 0.1]]), np.array([0])]},
        {"name": "example-large-logits", "public": True,
         "args": [np.array([[1000.0, 0.0], [0.0, 1000.0], [-1000.0, -1000.0]]), np.array([0, 0, 1])]},
        {"name": "single-class", "public": False, "category": "single class", "covers": ["single-class"],
         "args": [rng.normal(0, 5, (3, 1)), np.zeros(3, dtype=np.int64)]},
        {"name": "single-sample", "public": False, "category": "single sample",
         "args": [rng.normal(0, 2, (1, 5)), np.array([3])]},
        {"name": "uniform-logits", "public": False, "category": "uniform logits", "covers": ["batch-mean"],
         "args": [np.full((4, 7), 2.5), np.array([0, 6, 3, 3])]},
        {"name": "huge-logits", "public": False, "category": "huge logits", "covers": ["huge-logits", "batch-mean"],
         "args": [rng.normal(0, 50, (6, 4)) + 800.0, targets(6, 4)]},
        {"name": "very-negative", "public": False, "category": "huge logits", "covers": ["huge-logits"],
         "args": [rng.normal(0, 1, (5, 3)) - 1e4, targets(5, 3)]},
        {"name": "confident-wrong", "public": False, "category": "confidently wrong", "covers": ["confidently-wrong"],
         "args": [confident_wrong, np.array([1, 0, 0])]},
        {"name": "confident-right", "public": False, "category": "confidently right",
         "args": [np.array([[900.0, 0.0, -5.0], [1.0, 2.0, 750.0]]), np.array([0, 2])]},
        {"name": "rows-on-different-scales", "public": False, "category": "rows on different scales",
         "covers": ["huge-logits"],
         "args": [mixed_rows, targets(8, 4)]},
        {"name": "integer-logits-int32-targets", "public": False, "category": "integer dtype",
         "covers": ["integers-as-reals"],
         "args": [rng.integers(-1000, 1001, size=(6, 5)), rng.integers(0, 5, size=6).astype(np.int32)]},
        {"name": "large-batch-4000x32", "public": False, "category": "large input",
         "args": [rng.normal(0, 8, (4000, 32)), targets(4000, 32)]},
    ]

    # Every integer dtype, with logits at the dtype's limits (within the statement's |z| <= 1e6): the max-shift
    # z - max(z) wraps around in the input's own dtype, and so does negating the target's logit (-uint8(3) = 253,
    # -int8(-128) = -128).
    def ints(rows, dtype):
        return np.array(rows, dtype=dtype)

    def t(values, dtype=np.int64):
        return np.array(values, dtype=dtype)

    out += [
        {"name": "int8-limits", "public": False, "category": "integer dtype limits",
         "covers": ["integers-as-reals", "confidently-wrong"],
         "args": [ints([[-128, 127, 0], [5, -3, 2]], np.int8), t([0, 1])]},
        {"name": "uint8-limits-int32-targets", "public": False, "category": "integer dtype limits",
         "covers": ["integers-as-reals"],
         "args": [ints([[0, 255, 200], [3, 3, 3]], np.uint8), t([0, 2], np.int32)]},
        {"name": "int16-limits", "public": False, "category": "integer dtype limits",
         "covers": ["integers-as-reals", "confidently-wrong"],
         "args": [ints([[-32768, 32767], [1, 2], [-32768, -32768]], np.int16), t([0, 1, 1])]},
        {"name": "uint16-limits-int32-targets", "public": False, "category": "integer dtype limits",
         "covers": ["integers-as-reals"],
         "args": [ints([[0, 65535], [10, 20]], np.uint16), t([0, 0], np.int32)]},
        {"name": "int32-bound", "public": False, "category": "integer dtype limits", "covers": ["integers-as-reals"],
         "args": [ints([[-10**6, 10**6, 7], [3, -1, 2]], np.int32), t([0, 2], np.int32)]},
        {"name": "uint32-below-max", "public": False, "category": "integer dtype limits",
         "covers": ["integers-as-reals"],
         "args": [ints([[0, 10**6], [10**6, 10**6 - 2]], np.uint32), t([0, 1])]},
        {"name": "int64-bound", "public": False, "category": "integer dtype limits",
         "covers": ["integers-as-reals", "confidently-wrong"],
         "args": [ints([[-10**6, 10**6], [-5, 9]], np.int64), t([0, 0])]},
        {"name": "uint64-below-max-int32-targets", "public": False, "category": "integer dtype limits",
         "covers": ["integers-as-reals"],
         "args": [ints([[0, 10**6], [10**6, 10**6], [7, 0]], np.uint64), t([0, 1, 1], np.int32)]},
        {"name": "uint8-single-class", "public": False, "category": "single class",
         "covers": ["integers-as-reals", "single-class"],
         "args": [ints([[255], [0], [17]], np.uint8), t([0, 0, 0])]},
        # Confidently right in every row but the last: the mean must divide by n = 5.
        {"name": "batch-mean-one-wrong-row", "public": False, "category": "batch mean",
         "covers": ["batch-mean", "confidently-wrong"],
         "args": [np.array([[900.0, 0.0], [0.0, 900.0], [900.0, 0.0], [0.0, 900.0], [0.0, 900.0]]),
                  t([0, 1, 0, 1, 0])]},
    ]
    return out


def draw_case(draw):
    """One input from the declared space: (n, c) logits of float64 or any integer dtype with |z| <= 1e6, and
    int64/int32 targets in [0, c)."""
    import hypothesis.strategies as st
    from hypothesis.extra import numpy as hnp

    dtype = np.dtype(draw(st.sampled_from(["float64", "int8", "int16", "int32", "int64",
                                           "uint8", "uint16", "uint32", "uint64"])))
    n, c = draw(st.integers(1, 5)), draw(st.integers(1, 5))
    if dtype.kind == "f":
        scale = draw(st.sampled_from([1.0, 1000.0, 1e6]))
        elements = st.one_of(st.sampled_from([0.0, 800.0, -800.0, 1e6, -1e6, 2.5]),
                             st.integers(-64, 64).map(lambda v: v * scale / 64),  # ties
                             st.floats(-scale, scale, allow_nan=False, allow_infinity=False))
    else:
        info = np.iinfo(dtype)
        low, high = max(int(info.min), -10**6), min(int(info.max), 10**6)  # the statement's |z| <= 1e6
        special = [low, high, high - 1, 0, 1, 3]
        elements = st.one_of(st.sampled_from([v for v in special if low <= v <= high]),
                             st.integers(low, high))
    logits = draw(hnp.arrays(dtype, (n, c), elements=elements))
    tdtype = np.dtype(draw(st.sampled_from(["int64", "int32"])))
    targets = draw(hnp.arrays(tdtype, (n,), elements=st.integers(0, c - 1)))
    return {"args": [logits, targets], "kwargs": {}}
