"""Converts the labels to {-1, +1} in place (y = np.asarray(y, dtype=float); y[y == 0] = -1): for integer labels
asarray copies, but a float64 y is the caller's own array, which is silently modified (the returned values are
right; the statement says not to modify y)."""
import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def fit_logistic_regression(X, y, lr, n_iters, l2=0.0):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    y[y == 0] = -1.0                        # {0, 1} -> {-1, +1}
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_iters):
        z = X @ w + b
        g = -y * _sigmoid(-y * z)           # = p - (y + 1) / 2
        w, b = w - lr * (X.T @ g / n + l2 * w), b - lr * g.mean()
    return w, float(b)
