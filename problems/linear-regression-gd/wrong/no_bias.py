"""Forgets the bias: fits y ~ X w through the origin and returns b = 0."""
import numpy as np


def fit_linear_regression(X, y, lr, n_iters):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.zeros(X.shape[1])
    for _ in range(n_iters):
        w = w - lr * (2.0 / len(y)) * (X.T @ (X @ w - y))
    return w, 0.0
