import numpy as np


def _informative(rng, n, d, k, noise):
    """n samples, d features, k classes; features 0..d-1 carry the class with decreasing strength."""
    y = rng.integers(0, k, n)
    strength = np.linspace(2.0, 0.2, d)
    X = y[:, None] * strength[None, :] + rng.normal(0.0, noise, (n, d))
    return np.round(X, 6), y


def cases():
    rng = np.random.default_rng(20261206)
    out = [
        {"name": "example-separable", "public": True,
         "args": [np.array([[1.0, 5.0], [2.0, 3.0], [3.0, 8.0], [4.0, 1.0], [5.0, 7.0], [6.0, 2.0]]),
                  np.array([0, 0, 0, 1, 1, 1])]},
        {"name": "example-tie-and-constant", "public": True,
         "args": [np.array([[1.0, 7.0], [2.0, 7.0], [3.0, 7.0], [4.0, 7.0]]), np.array([0, 1, 1, 0])]},
        {"name": "single-sample", "public": False, "category": "no split possible", "covers": ["no-split"],
         "args": [np.array([[3.0, -1.0, 2.5]]), np.array([4])]},
        {"name": "all-features-constant", "public": False, "category": "no split possible",
         "covers": ["no-split", "constant-feature"],
         "args": [np.tile(np.array([[1.5, -2.0, 0.0]]), (5, 1)), np.array([0, 1, 1, 2, 2])]},
        {"name": "two-samples", "public": False, "category": "two samples",
         "args": [np.array([[0.5, 3.0], [-1.5, 3.0]]), np.array([1, 0])]},
    ]
    X = rng.normal(size=(12, 3))
    X[:, 0] = 4.0
    out.append({"name": "pure-labels-first-feature-constant", "public": False, "category": "ties",
                "covers": ["constant-feature", "no-improvement", "tie-lowest-feature", "tie-lowest-threshold"], "args": [X, np.full(12, 3)]})
    X, y = _informative(rng, 30, 4, 2, 1.0)
    X = np.column_stack([X[:, 2], X[:, 0], X[:, 3], X[:, 0]])  # the best column appears twice (1 and 3)
    out.append({"name": "duplicate-best-column", "public": False, "category": "ties",
                "covers": ["tie-lowest-feature"], "args": [X, y]})
    out.append({"name": "integer-features-odd-labels", "public": False, "category": "arbitrary labels",
                "covers": ["arbitrary-labels"],
                "args": [rng.integers(0, 6, (25, 3)), np.array([-2, 5, 9])[rng.integers(0, 3, 25)]]})
    X, y = _informative(rng, 40, 4, 5, 1.5)
    out.append({"name": "five-classes", "public": False, "category": "many classes", "args": [X, y]})
    # A lone outlier: a split that isolates it is pure on one side, which an unweighted average overrates.
    X, y = _informative(rng, 30, 2, 2, 1.5)
    X[0, 1] = 50.0
    out.append({"name": "outlier-pure-child", "public": False, "category": "size-weighted impurity",
                "covers": ["size-weighted"], "args": [X, y]})
    # Mirror-image labels: thresholds 1.5 and 7.5 tie within feature 0, and feature 1 (reversed) ties
    # with feature 0, so both tie rules matter.
    x = np.arange(1.0, 9.0)
    out.append({"name": "symmetric-ties", "public": False, "category": "ties",
                "covers": ["tie-lowest-feature", "tie-lowest-threshold", "tie-tolerance", "constant-feature"],
                "args": [np.column_stack([x, 9.0 - x, np.full(8, 2.0)]), np.array([0, 1, 1, 1, 1, 1, 1, 0])]})
    X, y = _informative(rng, 50, 3, 3, 2.0)
    out.append({"name": "negative-scale-features", "public": False, "category": "negative features",
                "args": [-1e3 * X, y]})
    X, y = _informative(rng, 2500, 10, 3, 2.5)
    out.append({"name": "large-2500x10", "public": False, "category": "large input", "args": [X, y]})
    out.extend(_float_tie_cases())
    out.extend(_dtype_cases())
    # Found by `grader mine` (minimal inputs that separate a wrong solution from the reference).
    out += [
        {"name": "mined-midpoint-input-dtype", "public": False, "category": "integer midpoints",
         "covers": ["midpoint-threshold"],
         "args": [np.array([[123], [124]], dtype=np.int8), np.array([-128, -128], dtype=np.int8)]},
        {"name": "mined-midpoint-difference-input-dtype", "public": False, "category": "integer midpoints",
         "covers": ["midpoint-threshold"],
         "args": [np.array([[4611686018427379712], [-9223372036854759424]], dtype=np.int64),
                  np.array([-128, -128], dtype=np.int8)]},
        {"name": "mined-bincount-labels", "public": False, "category": "arbitrary labels",
         "covers": ["no-split", "arbitrary-labels"],
         "args": [np.array([[0.0]], dtype=np.float64), np.array([-128], dtype=np.int8)]},
    ]
    return out


def _float_tie_cases():
    """Ties that are exact in exact arithmetic but whose floating-point impurities differ in the last bits,
    with the later split (higher feature / threshold) the smaller float under the usual formulas
    (n - sum c_L^2/n_L - sum c_R^2/n_R) / n and n_L/n G_L + n_R/n G_R. Only the 1e-12 tolerance picks the
    lowest feature / lowest threshold. Labels: 3 of class `a`, 7 of class `b`; both tied splits score 2/5."""
    a, b = 4, -1
    y = np.array([a] * 3 + [b] * 7)
    # Feature 0 sends one `b` left, (0 a, 1 b) | (3, 6); feature 1 sends (1 a, 4 b) | (2, 3).
    f0 = np.ones(10)
    f0[3] = 0.0
    f1 = np.full(10, 2.0)
    f1[[0, 3, 4, 5, 6]] = -2.0
    # Within one feature: t = 1.5 leaves (0, 1) | (3, 6), t = 2.5 leaves (1, 4) | (2, 3).
    x = np.array([2.0, 3.0, 3.0, 1.0, 2.0, 2.0, 2.0, 3.0, 3.0, 3.0])
    perm = np.array([7, 2, 9, 0, 5, 3, 8, 1, 6, 4])
    return [
        {"name": "float-tie-across-features", "public": False, "category": "ties that round differently",
         "covers": ["tie-tolerance", "tie-lowest-feature"],
         "args": [np.column_stack([f0, f1])[perm], y[perm]]},
        {"name": "float-tie-within-feature", "public": False, "category": "ties that round differently",
         "covers": ["tie-tolerance", "tie-lowest-threshold"],
         "args": [x[perm, None], y[perm]]},
        # Both at once, behind a constant feature; integer features.
        {"name": "float-tie-both-integer", "public": False, "category": "ties that round differently",
         "covers": ["tie-tolerance", "tie-lowest-feature", "tie-lowest-threshold", "constant-feature"],
         "args": [np.column_stack([np.full(10, 5), x.astype(np.int64) * 10, f1.astype(np.int64)])[perm[::-1]],
                  y[perm[::-1]]]},
    ]


def _dtype_cases():
    """Every integer dtype for X and for y. X's values sit near the dtype's limits, so that adding two
    neighbours for the midpoint in the input's own dtype wraps around (int8: 100 + 120 = -36); signed labels
    span the dtype's whole range, so that y.max() - y.min() in the input dtype wraps. The 64-bit values are
    multiples of 2**13: they and their midpoints are exactly representable as float64."""
    rng = np.random.default_rng(31)
    pairs = [("int8", "int8"), ("int16", "uint8"), ("int32", "int16"), ("int64", "uint16"),
             ("uint8", "int32"), ("uint16", "uint32"), ("uint32", "int64"), ("uint64", "uint64")]
    out = []
    for xd, yd in pairs:
        xi, yi = np.iinfo(xd), np.iinfo(yd)
        step = 2 ** 13 if xi.bits == 64 else max(1, (int(xi.max) >> 4) // 8)
        top = (int(xi.max) // step) * step
        n = 12
        # feature 0: n distinct values just below the maximum; feature 1: a weaker copy, partly near the minimum.
        col = np.array([top - step * i for i in range(n)], dtype=object)
        labels = np.array([int(yi.min), int(yi.max), int(yi.max) - 1] if yi.min < 0 else
                          [int(yi.max), 0, int(yi.max) // 2], dtype=object)
        y_idx = np.array([0] * 5 + [1] * 4 + [2] * 3)
        y_idx[[4, 9]] = y_idx[[9, 4]]                  # not perfectly separable
        order = rng.permutation(n)
        f0 = col[order]
        f1 = col[rng.permutation(n)]
        if xi.min < 0:
            f1 = np.where(np.arange(n) % 2 == 0, f1, int(xi.min) + (top - f1))
        X = np.column_stack([f1, f0]).astype(xd)
        y = labels[y_idx[order]].astype(yd)
        out.append({"name": f"dtype-x-{xd}-y-{yd}", "public": False, "category": "integer dtypes near limits",
                    "covers": ["midpoint-threshold", "arbitrary-labels"], "args": [X, y]})
    # Signed features whose best split straddles zero: the neighbours' difference v_{r+1} - v_r overflows.
    for xd, yd in [("int8", "uint8"), ("int64", "int8")]:
        xi = np.iinfo(xd)
        step = 2 ** 13 if xi.bits == 64 else 9
        top = (int(xi.max) // step) * step
        vals = np.array([-top, -top + step, -top + 2 * step, -top + 3 * step,
                         top - 3 * step, top - 2 * step, top - step, top], dtype=object)
        y = np.array([2, 2, 2, 2, 7, 7, 7, 7])
        noise = np.array([0, 3, 1, 2, 1, 0, 3, 2], dtype=object) * step
        perm = np.array([5, 0, 7, 2, 4, 1, 6, 3])
        X = np.column_stack([noise, vals]).astype(xd)[perm]
        out.append({"name": f"signed-gap-{xd}", "public": False, "category": "integer midpoints",
                    "covers": ["midpoint-threshold"],
                    "args": [X, y[perm].astype(yd)]})
    return out


DTYPES_X = ("float64", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")
DTYPES_Y = DTYPES_X[1:]


def draw_case(draw):
    """One input from the declared space: small n and d, few distinct values per feature (constant
    features, ties), integer features near their dtype's limits, labels anywhere in their dtype's range."""
    import hypothesis.strategies as st
    from hypothesis.extra import numpy as hnp

    n = draw(st.integers(1, 12))
    d = draw(st.integers(1, 3))
    xd = draw(st.sampled_from(DTYPES_X))
    yd = draw(st.sampled_from(DTYPES_Y))
    # Small "levels" 0..4 per entry, then mapped to values of the dtype (dyadic for float64).
    levels = draw(hnp.arrays(np.int64, (n, d), elements=st.integers(0, 4)))
    if xd == "float64":
        scale = draw(st.sampled_from([0.5, 1.0, 3.0, -2.0, 1e-3, 1e6]))
        offset = draw(st.sampled_from([0.0, -1.5, 1e3]))
        X = levels * scale + offset
    else:
        info = np.iinfo(xd)
        step = 2 ** 13 if info.bits == 64 else draw(st.sampled_from([1, 3, 7]))
        near = draw(st.sampled_from(["max", "min", "zero", "span"] if info.min < 0 else ["max", "zero", "span"]))
        if near == "span":                         # levels spread over the whole range (wide gaps)
            step = max(1, (int(info.max) - int(info.min)) // 4 // step) * step
        if near == "max":
            base = (int(info.max) // step - 4) * step
        elif near in ("min", "span"):
            base = -(-int(info.min) // step) * step
        else:
            base = 0
        X = np.array((base + levels.astype(object) * step).tolist(), dtype=xd).reshape(n, d)
    yi = np.iinfo(yd)
    pool = sorted({int(yi.min), int(yi.max), 0, 1, int(yi.max) - 1, int(yi.min) + 1})
    labels = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True))
    y = np.array(draw(st.lists(st.sampled_from(labels), min_size=n, max_size=n)), dtype=object).astype(yd)
    return {"args": [X, y], "kwargs": {}}
