"""Applies the L2 penalty to the bias as well (grad_b += l2 * b): the bias is shrunk towards 0."""
import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def fit_logistic_regression(X, y, lr, n_iters, l2=0.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_iters):
        err = _sigmoid(X @ w + b) - y
        w, b = w - lr * (X.T @ err / n + l2 * w), b - lr * (err.mean() + l2 * b)
    return w, float(b)
