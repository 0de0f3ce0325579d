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
    return [
        {"name": "example-line", "public": True,
         "args": [np.array([[1.0], [2.0], [3.0]]), np.array([3.0, 5.0, 7.0]), 0.1, 2]},
        {"name": "zero-iterations", "public": False, "args": [Xr, yr, 0.05, 0]},
        {"name": "one-iteration", "public": False, "args": [Xr, yr, _stable_lr(Xr), 1]},
        {"name": "few-iterations-unconverged", "public": False, "args": [Xp, yp, _stable_lr(Xp, 0.5), 5]},
        {"name": "single-sample", "public": False, "args": [Xs, ys, _stable_lr(Xs), 25]},
        {"name": "constant-feature", "public": False, "args": [Xc, yc, _stable_lr(Xc), 300]},
        {"name": "offset-features-big-bias", "public": False, "args": [Xo, yo, _stable_lr(Xo), 400]},
        {"name": "more-features-than-samples", "public": False, "args": [Xu, yu, _stable_lr(Xu), 200]},
        {"name": "zero-targets", "public": False, "args": [Xr, np.zeros(80), _stable_lr(Xr), 50]},
        {"name": "integers", "public": False, "args": [Xi, yi, 0.01, 150]},
        {"name": "random-6d-converged", "public": False, "args": [Xr, yr, _stable_lr(Xr), 1000]},
        {"name": "large-2000x50-500-iters", "public": False, "args": [Xl, yl, _stable_lr(Xl), 500]},
    ]
