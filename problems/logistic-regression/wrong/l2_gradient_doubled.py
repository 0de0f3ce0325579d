"""Differentiates the penalty as if it were l2 * ||w||^2 (gradient 2 * l2 * w) instead of (l2 / 2) * ||w||^2."""
import numpy as np


def fit_logistic_regression(X, y, lr, n_iters, l2=0.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_iters):
        z = np.clip(X @ w + b, -500, 500)
        err = 1.0 / (1.0 + np.exp(-z)) - y
        w, b = w - lr * (X.T @ err / n + 2.0 * l2 * w), b - lr * err.mean()
    return w, float(b)
