"""Works with column vectors, turning y into an (n, 1) column with y.shape = (-1, 1) after np.asarray(y, dtype=float):
for an integer y asarray made a copy, but a float64 y is the caller's own array, whose shape is changed in place
(the returned values are right; the statement says not to modify y)."""
import numpy as np


def fit_linear_regression(X, y, lr, n_iters):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n, d = X.shape
    y.shape = (n, 1)
    w, b = np.zeros((d, 1)), 0.0
    for _ in range(n_iters):
        r = X @ w + b - y                   # (n, 1)
        w, b = w - lr * (2.0 / n) * (X.T @ r), b - lr * (2.0 / n) * float(r.sum())
    return w.ravel(), float(b)
