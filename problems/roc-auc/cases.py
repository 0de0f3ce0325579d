import numpy as np


def cases():
    rng = np.random.default_rng(20261126)
    out = [
        {"name": "example", "public": True,
         "args": [np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8])]},
        {"name": "example-ties", "public": True,
         "args": [np.array([1, 0, 1, 0, 1]), np.array([0.9, 0.9, 0.5, 0.5, 0.2])]},
    ]
    out.append({"name": "only-positives", "public": False, "category": "single class",
                "covers": ["one-class"], "args": [np.ones(5, dtype=np.int64), rng.random(5)]})
    out.append({"name": "only-negatives", "public": False, "category": "single class",
                "covers": ["one-class"], "args": [np.zeros(6, dtype=np.int64), rng.random(6)]})
    out.append({"name": "single-sample", "public": False, "category": "single class",
                "covers": ["one-class"], "args": [np.array([1]), np.array([0.3])]})
    out.append({"name": "two-samples-inverted", "public": False, "category": "perfect or inverted ranking",
                "args": [np.array([1, 0]), np.array([0.2, 0.7])]})
    y = (rng.random(40) < 0.4).astype(np.int64)
    out.append({"name": "all-tied", "public": False, "category": "tied scores",
                "covers": ["ties-half"], "args": [y, np.full(40, 0.37)]})
    s = rng.normal(size=50)
    y = (s > 0.1).astype(np.int64)
    out.append({"name": "perfect", "public": False, "category": "perfect or inverted ranking", "args": [y, s]})
    out.append({"name": "inverted", "public": False, "category": "perfect or inverted ranking", "args": [y, -s]})
    # Positives and negatives share every score value: AUC is exactly 0.5 only if ties count 1/2.
    out.append({"name": "paired-ties", "public": False, "category": "tied scores", "covers": ["ties-half"],
                "args": [np.array([0, 1] * 10), np.repeat(np.arange(10.0), 2)]})
    y = (rng.random(500) < 0.3).astype(np.int64)
    s = np.clip(rng.integers(0, 5, size=500) + y, 0, 4)   # five score levels: very many ties
    out.append({"name": "many-ties-int-scores", "public": False, "category": "tied scores",
                "covers": ["ties-half", "integer-scores"], "args": [y, s]})
    y = rng.random(300) < 0.5
    s = np.round(rng.normal(size=300) + 0.8 * y, 1)
    out.append({"name": "bool-labels-rounded-scores", "public": False, "category": "bool labels", "args": [y, s]})
    # Scores far outside [0, 1] (logits): only their order matters.
    y = (rng.random(400) < 0.2).astype(np.int64)
    s = rng.normal(size=400) * 30 + 15 * y - 40
    out.append({"name": "logit-scores", "public": False, "category": "logit scores", "args": [y, s]})
    # Large: an O(n^2) comparison of all positive/negative pairs does not finish.
    n = 200_000
    y = (rng.random(n) < 0.3).astype(np.int8)
    s = (rng.integers(0, 5000, size=n) + 700 * y.astype(np.int32)).astype(np.int32)
    out.append({"name": "large-200k-ties", "public": False, "category": "large input",
                "covers": ["ties-half", "integer-scores"], "args": [y, s]})
    n = 60_000
    y = (rng.random(n) < 0.05).astype(np.int8)
    s = rng.normal(size=n) + 1.2 * y
    out.append({"name": "large-60k-imbalanced", "public": False, "category": "large input", "args": [y, s]})
    out.extend(_hidden_dtype_and_tie_cases())
    return out


# Label dtype paired with each integer score dtype, so that every declared dtype of both arguments occurs.
_LABEL_FOR_SCORE = {"int8": "uint64", "int16": "uint32", "int32": "uint16", "int64": "uint8",
                    "uint8": "int8", "uint16": "int16", "uint32": "int32", "uint64": "bool"}
_MAX_INT_SCORE = 2 ** 53


def _score_limits(dtype):
    info = np.iinfo(dtype)
    return max(int(info.min), -_MAX_INT_SCORE), min(int(info.max), _MAX_INT_SCORE)


def _hidden_dtype_and_tie_cases():
    out = []
    for sd, ld in _LABEL_FOR_SCORE.items():
        lo, hi = _score_limits(sd)
        if lo < 0:
            # The dtype's extremes: -(min) wraps to min, and the gap hi-1 -> lo+1 wraps in np.diff.
            s = [lo, hi, lo + 1, hi - 1, lo, hi - 1, hi, lo + 1, lo, hi]
            y = [0, 1, 0, 1, 0, 1, 1, 0, 1, 0]
        else:
            # A 0 score next to small and maximal ones: -0 = 0 but -5 = max - 4; differences wrap.
            s = [0, 5, hi, hi - 1, 0, 3, hi, 5, 1, 0]
            y = [0, 1, 1, 0, 0, 1, 0, 1, 1, 1]
        out.append({"name": f"{sd}-scores-extremes-{ld}-labels", "public": False,
                    "category": "integer dtype near its limits",
                    
                    "covers": ["integer-scores", "ties-half"],
                    "args": [np.array(y).astype(ld), np.array(s, dtype=sd)]})
    # The smallest unsigned case of all: uint8 scores [0, 5].
    out.append({"name": "uint8-zero-and-five", "public": False, "category": "unsigned integer scores",
                "covers": ["integer-scores"],
                "args": [np.array([0, 1], dtype=np.uint8), np.array([0, 5], dtype=np.uint8)]})
    # One class with small dtypes: labels all 1 (uint16) and all 0 (bool).
    out.append({"name": "one-class-uint16-labels", "public": False, "category": "single class", "covers": ["one-class"],
                "args": [np.ones(4, dtype=np.uint16), np.array([3, 0, 250, 3], dtype=np.uint8)]})
    out.append({"name": "one-class-bool-labels", "public": False, "category": "single class", "covers": ["one-class"],
                "args": [np.zeros(3, dtype=bool), np.array([0.5, -1.0, 0.5])]})
    # Nearly equal but distinct scores (exact dyadic gaps): not ties. A tolerance merges them.
    out.append({"name": "near-ties-dyadic", "public": False, "category": "exact equality decides ties",
                "covers": ["exact-ties"],
                "args": [np.array([0, 1, 0, 1, 1, 0]),
                         np.array([0.5, 0.5 + 2.0 ** -40, 0.25, 0.25 + 2.0 ** -45, 3.0 + 2.0 ** -30, 3.0])]})
    out.append({"name": "near-ties-large-integers", "public": False, "category": "exact equality decides ties",
                "covers": ["exact-ties", "integer-scores"],
                "args": [np.array([0, 1, 1, 0, 0, 1], dtype=np.int16),
                         np.array([10 ** 9, 10 ** 9 + 1, 2 ** 40 + 1, 2 ** 40, 7, 8], dtype=np.int64)]})
    # 0.1 + 0.2 != 0.3 in float64: distinct given values, not a tie; -0.0 == 0.0 is a tie.
    out.append({"name": "float-sum-not-tied-signed-zero-tied", "public": False,
                "category": "exact equality decides ties",
                "covers": ["exact-ties", "ties-half"],
                "args": [np.array([1, 0, 0, 1, 1, 0], dtype=np.uint8),
                         np.array([0.1 + 0.2, 0.3, -0.0, 0.0, 1e-300, 0.0])]})
    # Mined (grader mine): -(-128) wraps to -128 in int8, so the lowest score sorts as the highest.
    out.append({"name": "mined-int8-min-negation", "public": False, "category": "integer dtype near its limits",
                "covers": ["integer-scores"],
                "args": [np.array([0, 1], dtype=np.int8), np.array([-128, -127], dtype=np.int8)]})
    return out


def draw_case(draw):
    """One input from the declared space: labels of any integer dtype or bool, scores float64 or any integer
    dtype (|s| <= 2**53), short arrays, edge-biased values with many exact ties and near ties."""
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
