import numpy as np


def _labels(rng, X, w, bias, flip=0.0):
    y = (X @ w + bias > 0).astype(np.int64)
    flips = rng.random(len(y)) < flip
    return np.where(flips, 1 - y, y)


def _extreme_ints(rng, dtype, shape, share=0.5):
    """Integers of `dtype` anywhere in its range, about `share` of them at (or next to) its minimum or maximum."""
    info = np.iinfo(dtype)
    lo, hi = int(info.min), int(info.max)
    out = rng.integers(lo, hi, size=shape, dtype=dtype, endpoint=True)
    edges = np.array([lo, lo + 1, hi - 1, hi], dtype=dtype)
    mask = rng.random(shape) < share
    out[mask] = rng.choice(edges, size=int(mask.sum()))
    return out


def _both_labels(rng, dtype, n):
    y = (rng.random(n) < 0.5).astype(dtype)
    y[0], y[1] = 0, 1
    return y


def cases():
    rng = np.random.default_rng(20261206)
    X_ex = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 1.0], [3.0, 0.0]])
    y_ex = np.array([0, 0, 1, 1])

    Xr = rng.normal(0.0, 1.0, (80, 4))
    yr = _labels(rng, Xr, rng.normal(0, 1, 4), 0.3, flip=0.1)

    Xs = rng.normal(0.0, 1.0, (1, 3))

    Xc = rng.normal(0.0, 1.0, (50, 3))
    Xc[:, 2] = 4.0  # a constant feature: collinear with the bias
    yc = _labels(rng, Xc[:, :2], np.array([1.0, -2.0]), 0.5, flip=0.05)

    # Raw, unscaled features (think incomes in dollars): |X w + b| reaches the thousands after one step,
    # so exp(z) overflows unless the sigmoid is written to avoid it.
    Xbig = rng.normal(0.0, 1.0, (60, 3)) * np.array([1000.0, 300.0, 50.0])
    ybig = _labels(rng, Xbig, np.array([0.002, -0.005, 0.01]), 0.4, flip=0.1)

    # Imbalanced labels so that the optimal bias is far from 0: regularising it would change it.
    Xl2 = rng.normal(0.0, 1.0, (70, 5))
    yl2 = _labels(rng, Xl2, rng.normal(0, 1, 5), 2.0, flip=0.05)

    Xi = rng.integers(-3, 4, size=(40, 3))
    yi = _labels(rng, Xi.astype(float), np.array([1.0, 0.5, -1.0]), 0.2, flip=0.1)

    Xsep = rng.normal(0.0, 1.0, (30, 2))
    ysep = _labels(rng, Xsep, np.array([2.0, -1.0]), 0.0)

    Xlarge = rng.normal(0.0, 1.0, (2000, 30))
    ylarge = _labels(rng, Xlarge, rng.normal(0, 1, 30) / 3, -0.5, flip=0.1)
    return [
        {"name": "example-tiny", "public": True, "args": [X_ex, y_ex, 0.5, 2]},
        {"name": "example-tiny-l2", "public": True, "args": [X_ex, y_ex, 0.5, 2], "kwargs": {"l2": 0.1}},
        {"name": "zero-iterations", "public": False, "category": "zero iterations",
         "covers": ["zero-iterations"], "args": [Xr, yr, 0.1, 0], "kwargs": {"l2": 0.5}},
        {"name": "one-iteration", "public": False, "category": "single iteration", "args": [Xr, yr, 0.3, 1]},
        {"name": "single-sample", "public": False, "category": "single sample",
         "covers": ["single-sample"], "args": [Xs, np.array([1]), 0.5, 20]},
        {"name": "all-positive-labels", "public": False, "category": "all labels equal",
         "covers": ["all-labels-equal"], "args": [Xr[:20], np.ones(20, dtype=np.int64), 0.5, 60]},
        {"name": "constant-feature", "public": False, "category": "constant feature",
         "covers": ["constant-column"], "args": [Xc, yc, 0.1, 200], "kwargs": {"l2": 0.01}},
        {"name": "unscaled-large-features", "public": False, "category": "huge logits",
         "covers": ["large-logits"], "args": [Xbig, ybig, 0.01, 40]},
        {"name": "strong-l2-imbalanced", "public": False, "category": "regularisation",
         "args": [Xl2, yl2, 0.2, 300], "kwargs": {"l2": 1.0}},
        {"name": "integers", "public": False, "category": "integer dtype",
         "args": [Xi, yi, 0.1, 100], "kwargs": {"l2": 0.05}},
        {"name": "float-labels-unconverged", "public": False, "category": "float labels",
         "args": [Xr, yr.astype(np.float64), 0.05, 10]},
        {"name": "separable-no-l2", "public": False, "category": "separable data", "args": [Xsep, ysep, 1.0, 500]},
        {"name": "large-2000x30-300-iters", "public": False, "category": "large input",
         "args": [Xlarge, ylarge, 0.5, 300], "kwargs": {"l2": 0.01}},
    ] + [
        # Every integer dtype for X and y, X's entries at or near the dtype's limits (so -X wraps around for
        # unsigned X and at the signed minimum, and X^T y overflows the dtype), labels 0 and 1 (so 2 y - 1
        # wraps around for unsigned y). The logits are far beyond 709: a stable sigmoid is needed too.
        {"name": f"{dt}-extreme-features", "public": False, "category": "integer dtype limits",
         "covers": ["large-logits"],
         "args": [_extreme_ints(rng, np.dtype(dt), (n, d)), _both_labels(rng, np.dtype(dt), n), lr, n_it],
         "kwargs": {"l2": l2}}
        for dt, n, d, lr, n_it, l2 in [
            ("int8", 10, 3, 2.0**-7, 20, 0.01), ("int16", 10, 2, 2.0**-15, 20, 0.0),
            ("int32", 8, 2, 2.0**-31, 15, 0.1), ("int64", 8, 2, 2.0**-63, 15, 0.0),
            ("uint8", 10, 3, 2.0**-8, 20, 0.0), ("uint16", 10, 2, 2.0**-16, 20, 0.05),
            ("uint32", 8, 2, 2.0**-32, 15, 0.0), ("uint64", 8, 2, 2.0**-64, 15, 0.01)]
    ] + [
        {"name": "uint8-all-negative-labels", "public": False, "category": "all labels equal",
         "covers": ["all-labels-equal"],
         "args": [Xr[:15], np.zeros(15, dtype=np.uint8), 0.5, 30]},
        {"name": "int8-single-sample-zero-iterations", "public": False, "category": "zero iterations",
         "covers": ["single-sample", "zero-iterations"],
         "args": [np.array([[-128, 127]], dtype=np.int8), np.array([0], dtype=np.int8), 0.1, 0]},
        {"name": "float-labels-l2", "public": False, "category": "float labels",
         "args": [Xl2, yl2.astype(np.float64), 0.2, 50], "kwargs": {"l2": 0.3}},
    ]


DTYPES = ["float64", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]


def draw_case(draw):
    """One input from the declared space: X float64 or any integer dtype (integers anywhere in the dtype's range,
    so extremes and huge logits are common), sometimes a constant column; labels 0/1 (sometimes all equal) as
    float64 or any integer dtype; lr scaled to X's magnitude; l2 = 0 or positive."""
    import hypothesis.strategies as st
    from hypothesis.extra import numpy as hnp

    def elements(dtype):
        if dtype.kind == "f":
            return st.floats(-10000.0, 10000.0, allow_nan=False, allow_subnormal=False)
        info = np.iinfo(dtype)
        return st.integers(int(info.min), int(info.max))

    x_dtype = np.dtype(draw(st.sampled_from(DTYPES)))
    y_dtype = np.dtype(draw(st.sampled_from(["float64", "int64", x_dtype.name] + DTYPES)))
    n = draw(st.integers(1, 6))
    d = draw(st.integers(1, 4))
    X = draw(hnp.arrays(x_dtype, (n, d), elements=elements(x_dtype)))
    if draw(st.booleans()):
        X[:, draw(st.integers(0, d - 1))] = draw(elements(x_dtype))
    if draw(st.booleans()):
        y = np.full(n, draw(st.integers(0, 1)), dtype=y_dtype)
    else:
        y = draw(hnp.arrays(np.bool_, n)).astype(y_dtype)
    scale = max(1.0, float(np.abs(X.astype(np.float64)).max()))
    lr = draw(st.floats(0.001, 2.0)) / scale
    n_iters = draw(st.integers(0, 20))
    kwargs = {} if draw(st.booleans()) else {"l2": draw(st.sampled_from([0.0, 0.01, 0.5, 1.0]))}
    return {"args": [X, y, lr, n_iters], "kwargs": kwargs}
