"""Drops the 2 from the derivative of the squared error (gradient (1/n) X^T r): every step is half as long."""
import numpy as np


def fit_linear_regression(X, y, lr, n_iters):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_iters):
        r = X @ w + b - y
        w, b = w - lr * (X.T @ r) / n, b - lr * r.sum() / n
    return w, float(b)
