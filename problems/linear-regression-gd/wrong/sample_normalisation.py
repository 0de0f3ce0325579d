"""Normalises the gradient by n - 1 (a "sample" mean, as for an unbiased variance) instead of n: the steps are
n / (n - 1) times too long, and a single sample divides by zero."""
import numpy as np


def fit_linear_regression(X, y, lr, n_iters):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_iters):
        r = X @ w + b - y
        w, b = w - lr * (2.0 / (n - 1)) * (X.T @ r), b - lr * (2.0 / (n - 1)) * r.sum()
    return w, float(b)
