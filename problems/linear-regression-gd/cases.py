import numpy as np


def _stable_lr(X, fraction=1.0):
    """fraction / L rounded down to 2 significant digits, where L is the largest eigenvalue of the MSE Hessian
    (2/n) [X 1]^T [X 1]: any lr below 2/L converges."""
    Xa = np.hstack([X, np.ones((X.shape[0], 1))])
    L = 2.0 / X.shape[0] * np.linalg.eigvalsh(Xa.T @ Xa).max()
    lr = fraction / L
    scale = 10.0 ** (np.floor(np.log10(lr)) - 1)
    return float(f"{np.floor(lr / scale) * scale:.2g}")


def _problem(rng, n, d, *, noise=0.1, offset=0.0, bias=1.5):
    X = rng.normal(0.0, 1.0, (n, d)) + offset
    w = rng.normal(0.0, 2.0, d)
    y = X @ w + bias + rng.normal(0.0, noise, n)
    return X, y


def _extreme_ints(rng, dtype, shape, share=0.5):
    """Integers of `dtype` anywhere in its range, about `share` of them at (or next to) its minimum or maximum."""
    info = np.iinfo(dtype)
    lo, hi = int(info.min), int(info.max)
    out = rng.integers(lo, hi, size=shape, dtype=dtype, endpoint=True)
    edges = np.array([lo, lo + 1, hi - 1, hi], dtype=dtype)
    mask = rng.random(shape) < share
    out[mask] = rng.choice(edges, size=int(mask.sum()))
    return out


def cases():
    rng = np.random.default_rng(20261205)
    Xs, ys = _problem(rng, 1, 3)
    Xc, yc = _problem(rng, 40, 3)
    Xc[:, 1] = 5.0  # a constant feature: collinear with the bias
    Xo, yo = _problem(rng, 60, 4, offset=3.0, bias=-7.0)
    Xu, yu = _problem(rng, 5, 12)
    Xr, yr = _problem(rng, 80, 6, noise=0.5)
    Xl, yl = _problem(rng, 2000, 50, noise=0.3)
    Xi = rng.integers(-4, 5, size=(30, 3))
    yi = Xi @ np.array([2, -1, 3]) + 4 + rng.integers(-1, 2, size=30)
    Xp, yp = _problem(rng, 50, 5)
    Xw = _extreme_ints(rng, np.int8, (2, 5))
    Xm = _extreme_ints(rng, np.int16, (15, 3), share=0.3)
    ym = Xm.astype(np.float64) @ np.array([0.5, -0.25, 1.0]) + 3.0 + rng.normal(0.0, 10.0, 15)
    return [
        {"name": "example-line", "public": True,
         "args": [np.array([[1.0], [2.0], [3.0]]), np.array([3.0, 5.0, 7.0]), 0.1, 2]},
        {"name": "zero-iterations", "public": False, "category": "zero iterations",
         "covers": ["zero-iterations"], "args": [Xr, yr, 0.05, 0]},
        {"name": "one-iteration", "public": False, "category": "few iterations", "args": [Xr, yr, _stable_lr(Xr), 1]},
        {"name": "few-iterations-unconverged", "public": False, "category": "few iterations",
         "args": [Xp, yp, _stable_lr(Xp, 0.5), 5]},
        {"name": "single-sample", "public": False, "category": "single sample",
         "covers": ["single-sample"], "args": [Xs, ys, _stable_lr(Xs), 25]},
        {"name": "constant-feature", "public": False, "category": "constant feature",
         "covers": ["constant-column"], "args": [Xc, yc, _stable_lr(Xc), 300]},
        {"name": "offset-features-big-bias", "public": False, "category": "large bias",
         "args": [Xo, yo, _stable_lr(Xo), 400]},
        {"name": "more-features-than-samples", "public": False, "category": "more features than samples",
         "covers": ["more-features-than-samples"], "args": [Xu, yu, _stable_lr(Xu), 200]},
        {"name": "zero-targets", "public": False, "category": "zero targets",
         "args": [Xr, np.zeros(80), _stable_lr(Xr), 50]},
        {"name": "integers", "public": False, "category": "integer dtype", "args": [Xi, yi, 0.01, 150]},
        {"name": "random-6d-converged", "public": False, "category": "converged run",
         "args": [Xr, yr, _stable_lr(Xr), 1000]},
        {"name": "large-2000x50-500-iters", "public": False, "category": "large input",
         "args": [Xl, yl, _stable_lr(Xl), 500]},
    ] + [
        # Every integer dtype, entries at or near the dtype's limits: X^T X and X^T y do not fit the input's
        # own dtype (computing them there overflows or wraps around).
        {"name": f"{dt}-extreme-values", "public": False, "category": "integer dtype limits",
         "args": [X, y, _stable_lr(X), n_it]}
        for dt, n, d, n_it in [("int8", 12, 3, 40), ("int16", 10, 2, 40), ("int32", 9, 3, 30), ("int64", 8, 2, 30),
                               ("uint8", 12, 3, 40), ("uint16", 10, 2, 40), ("uint32", 9, 3, 30),
                               ("uint64", 8, 2, 30)]
        for X, y in [(_extreme_ints(rng, np.dtype(dt), (n, d)), _extreme_ints(rng, np.dtype(dt), n))]
    ] + [
        {"name": "int8-wide-zero-iterations", "public": False, "category": "zero iterations",
         "covers": ["zero-iterations", "more-features-than-samples"],
         "args": [Xw, _extreme_ints(rng, np.int8, 2), _stable_lr(Xw), 0]},
        {"name": "uint8-single-sample-constant-column", "public": False, "category": "single sample",
         "covers": ["single-sample", "constant-column"],
         "args": [np.array([[255, 200, 3]], dtype=np.uint8), np.array([250], dtype=np.uint8),
                  _stable_lr(np.array([[255.0, 200.0, 3.0]])), 20]},
        {"name": "int16-features-float-targets", "public": False, "category": "mixed dtypes",
         "args": [Xm, ym, _stable_lr(Xm), 60]},
    ]


DTYPES = ["float64", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]


def draw_case(draw):
    """One input from the declared space: X and y each float64 or any integer dtype (integers anywhere in the
    dtype's range, so extremes are common), sometimes a constant column, d > n allowed, and lr below the
    convergence bound 2 / L (L the largest eigenvalue of the MSE Hessian)."""
    import hypothesis.strategies as st
    from hypothesis.extra import numpy as hnp

    def elements(dtype):
        if dtype.kind == "f":
            return st.floats(-1000.0, 1000.0, allow_nan=False, allow_subnormal=False)
        info = np.iinfo(dtype)
        return st.integers(int(info.min), int(info.max))

    x_dtype = np.dtype(draw(st.sampled_from(DTYPES)))
    y_dtype = np.dtype(draw(st.sampled_from([x_dtype.name, x_dtype.name] + DTYPES)))
    n = draw(st.integers(1, 6))
    d = draw(st.integers(1, 4))
    X = draw(hnp.arrays(x_dtype, (n, d), elements=elements(x_dtype)))
    if draw(st.booleans()):
        X[:, draw(st.integers(0, d - 1))] = draw(elements(x_dtype))
    y = draw(hnp.arrays(y_dtype, n, elements=elements(y_dtype)))
    Xa = np.hstack([X.astype(np.float64), np.ones((n, 1))])
    L = 2.0 / n * float(np.linalg.eigvalsh(Xa.T @ Xa).max())
    lr = draw(st.floats(0.05, 1.9)) / L
    n_iters = draw(st.integers(0, 30))
    return {"args": [X, y, lr, n_iters], "kwargs": {}}
