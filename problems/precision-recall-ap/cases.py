import numpy as np


def cases():
    rng = np.random.default_rng(20261201)
    out = [
        {"name": "example-distinct", "public": True,
         "args": [np.array([0, 1, 1, 0, 1]), np.array([0.1, 0.9, 0.4, 0.6, 0.3])]},
        {"name": "example-ties", "public": True,
         "args": [np.array([1, 0, 1, 1, 0, 0]), np.array([0.8, 0.8, 0.5, 0.5, 0.5, 0.2])]},
    ]

    def hidden(name, category, y, s, covers=()):
        out.append({"name": name, "public": False, "category": category, "covers": list(covers),
                    "args": [y, s]})

    # Unsorted inputs: code that sorts the caller's arrays in place changes them.
    hidden("unsorted-inputs-read-only", "input must not be modified",
           np.array([0, 1, 0, 0, 1, 1, 0], dtype=np.int64), np.array([0.2, 0.9, 0.5, 0.1, 0.3, 0.7, 0.6]))
    # Precision falls then rises again: interpolation, a trapezoid and the previous point's precision all differ.
    hidden("precision-dips-and-recovers", "precision not monotone",
           np.array([1, 0, 0, 1, 1, 0, 1, 0]), np.array([8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0]))
    s = rng.normal(size=60)
    y = (rng.random(60) < 1 / (1 + np.exp(-2 * s))).astype(np.int64)
    hidden("random-distinct-scores", "random inputs", y, s)
    y = (rng.random(300) < 0.3).astype(np.int64)
    s = np.round(rng.normal(size=300) + 0.9 * y, 1)
    hidden("rounded-scores-many-ties", "ties", y, s, ["score-ties"])
    # Tie groups mixing classes, labels ordered so that any within-group order changes the per-sample curve.
    hidden("tie-groups-mixed-classes", "ties",
           np.array([0, 1, 1, 0, 0, 1, 1, 0, 1, 0]), np.array([3, 3, 3, 2, 2, 2, 1, 1, 1, 0], dtype=np.int64),
           ["score-ties", "integer-scores"])
    hidden("all-scores-equal", "single threshold", (rng.random(25) < 0.4).astype(np.int64), np.full(25, 0.7),
           ["single-threshold", "score-ties"])
    hidden("one-sample-positive", "single threshold", np.array([1]), np.array([-2.5]), ["single-threshold"])
    hidden("no-positives", "no positive labels", np.zeros(7, dtype=np.int64), rng.random(7), ["no-positives"])
    hidden("no-positives-one-sample", "no positive labels", np.array([0], dtype=np.uint8), np.array([4], dtype=np.uint8),
           ["no-positives", "single-threshold", "integer-scores"])
    hidden("no-positives-bool-ties", "no positive labels", np.zeros(5, dtype=bool), np.array([1.0, 1.0, 0.0, 2.0, 0.0]),
           ["no-positives", "score-ties"])
    hidden("all-positives", "random inputs", np.ones(9, dtype=np.int64), rng.normal(size=9))
    hidden("perfect-ranking", "random inputs", np.r_[np.ones(6), np.zeros(9)].astype(np.int64),
           np.r_[rng.random(6) + 1.0, rng.random(9)])
    hidden("worst-ranking", "random inputs", np.r_[np.ones(6), np.zeros(9)].astype(np.int64),
           np.r_[rng.random(6), rng.random(9) + 1.0])
    # Scores far outside [0, 1] (logits, margins): only their order matters.
    y = (rng.random(200) < 0.15).astype(np.int64)
    hidden("logit-scores", "random inputs", y, rng.normal(size=200) * 40 + 25 * y - 60)
    # Nearly equal but distinct scores (exact dyadic gaps): separate thresholds. A tolerance merges them.
    hidden("near-ties-dyadic", "nearly equal scores",
           np.array([0, 1, 1, 0, 1, 0]),
           np.array([0.5, 0.5 + 2.0 ** -40, 0.25 + 2.0 ** -45, 0.25, 3.0, 3.0 + 2.0 ** -30]), ["exact-ties"])
    hidden("near-ties-large-integers", "nearly equal scores",
           np.array([1, 0, 0, 1, 1, 0], dtype=np.int16),
           np.array([10 ** 9, 10 ** 9 + 1, 2 ** 40 + 1, 2 ** 40, 7, 8], dtype=np.int64),
           ["exact-ties", "integer-scores"])
    # 0.1 + 0.2 != 0.3 in float64 (two thresholds); -0.0 == 0.0 (one).
    hidden("float-sum-not-tied-signed-zero-tied", "nearly equal scores",
           np.array([1, 0, 0, 1, 1, 0], dtype=np.uint8), np.array([0.1 + 0.2, 0.3, -0.0, 0.0, 1e-300, 0.0]),
           ["exact-ties", "score-ties"])
    # Large: one sort is fine, recounting at every threshold is not.
    n = 100_000
    y = (rng.random(n) < 0.2).astype(np.int8)
    s = (rng.integers(0, 3000, size=n) + 900 * y.astype(np.int32)).astype(np.int32)
    hidden("large-100k-int-ties", "large input", y, s, ["score-ties", "integer-scores"])
    y = rng.random(n) < 0.03
    hidden("large-100k-distinct", "large input", y, rng.normal(size=n) + 1.5 * y)
    out.extend(_integer_dtype_cases())
    return out


# Label dtype paired with each integer score dtype, so that every declared dtype of both arguments occurs.
_LABEL_FOR_SCORE = {"int8": "uint64", "int16": "uint32", "int32": "uint16", "int64": "uint8",
                    "uint8": "int8", "uint16": "int16", "uint32": "int32", "uint64": "bool"}
_MAX_INT_SCORE = 2 ** 53


def _score_limits(dtype):
    info = np.iinfo(dtype)
    return max(int(info.min), -_MAX_INT_SCORE), min(int(info.max), _MAX_INT_SCORE)


def _integer_dtype_cases():
    out = []
    for sd, ld in _LABEL_FOR_SCORE.items():
        lo, hi = _score_limits(sd)
        if lo < 0:
            # The dtype's extremes: -(min) wraps to min, and differences across the range wrap.
            s = [lo, hi, lo + 1, hi - 1, lo, hi - 1, hi, lo + 1, lo, 0]
            y = [0, 1, 0, 1, 0, 1, 1, 0, 1, 0]
        else:
            # 0 next to small and maximal scores: -0 = 0 but -5 = max - 4, so negating does not reverse.
            s = [0, 5, hi, hi - 1, 0, 3, hi, 5, 1, 0]
            y = [0, 1, 1, 0, 0, 1, 0, 1, 1, 1]
        out.append({"name": f"{sd}-scores-extremes-{ld}-labels", "public": False, "category": "integer dtype",
                    "covers": ["integer-scores", "score-ties"],
                    "args": [np.array(y).astype(ld), np.array(s, dtype=sd)]})
    out.append({"name": "uint8-zero-and-five", "public": False, "category": "integer dtype",
                "covers": ["integer-scores"],
                "args": [np.array([0, 1], dtype=np.uint8), np.array([0, 5], dtype=np.uint8)]})
    # More than 127 positives in int8 labels: counts must not be kept in the labels' own dtype.
    y = np.zeros(400, dtype=np.int8)
    y[::2] = 1
    out.append({"name": "int8-labels-many-positives", "public": False, "category": "integer dtype",
                "args": [y, np.arange(400.0)[::-1] % 37]})
    return out


def draw_case(draw):
    """One input from the declared space: labels of any integer dtype or bool, scores float64 or any integer
    dtype (|s| <= 2**53), short arrays with many exact ties and near ties."""
    import hypothesis.strategies as st
    from hypothesis.extra import numpy as hnp

    n = draw(st.integers(1, 10))
    label_dtype = np.dtype(draw(st.sampled_from(["bool", "int8", "int16", "int32", "int64",
                                                  "uint8", "uint16", "uint32", "uint64"])))
    labels = st.booleans() if label_dtype == np.bool_ else st.integers(0, 1)
    y = draw(hnp.arrays(label_dtype, n, elements=labels))
    score_dtype = np.dtype(draw(st.sampled_from(["float64", "int8", "int16", "int32", "int64",
                                                  "uint8", "uint16", "uint32", "uint64"])))
    if score_dtype.kind == "f":
        special = [0.0, -0.0, 0.5, 0.5 + 2.0 ** -40, 0.3, 0.1 + 0.2, 1.0, -3.0, 1e9, 1e9 + 1]
        elements = st.one_of(st.sampled_from(special), st.integers(-8, 8).map(lambda v: v / 4),
                             st.floats(-1e12, 1e12, allow_nan=False, allow_infinity=False))
    else:
        lo, hi = _score_limits(score_dtype)
        special = [v for v in (lo, lo + 1, -1, 0, 1, 5, hi - 1, hi) if lo <= v <= hi]
        elements = st.one_of(st.sampled_from(special), st.integers(lo, hi))
    s = draw(hnp.arrays(score_dtype, n, elements=elements))
    return {"args": [y, s], "kwargs": {}}
