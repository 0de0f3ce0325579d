import numpy as np


def _labels(rng, X, w, bias, flip=0.0):
    y = (X @ w + bias > 0).astype(np.int64)
    flips = rng.random(len(y)) < flip
    return np.where(flips, 1 - y, y)


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
        {"name": "zero-iterations", "public": False, "args": [Xr, yr, 0.1, 0], "kwargs": {"l2": 0.5}},
        {"name": "one-iteration", "public": False, "args": [Xr, yr, 0.3, 1]},
        {"name": "single-sample", "public": False, "args": [Xs, np.array([1]), 0.5, 20]},
        {"name": "all-positive-labels", "public": False, "args": [Xr[:20], np.ones(20, dtype=np.int64), 0.5, 60]},
        {"name": "constant-feature", "public": False, "args": [Xc, yc, 0.1, 200], "kwargs": {"l2": 0.01}},
        {"name": "unscaled-large-features", "public": False, "args": [Xbig, ybig, 0.01, 40]},
        {"name": "strong-l2-imbalanced", "public": False, "args": [Xl2, yl2, 0.2, 300], "kwargs": {"l2": 1.0}},
        {"name": "integers", "public": False, "args": [Xi, yi, 0.1, 100], "kwargs": {"l2": 0.05}},
        {"name": "float-labels-unconverged", "public": False, "args": [Xr, yr.astype(np.float64), 0.05, 10]},
        {"name": "separable-no-l2", "public": False, "args": [Xsep, ysep, 1.0, 500]},
        {"name": "large-2000x30-300-iters", "public": False,
         "args": [Xlarge, ylarge, 0.5, 300], "kwargs": {"l2": 0.01}},
    ]
