"""Updates w first and then computes the bias gradient from residuals at the *new* w (not a simultaneous update)."""
import numpy as np


def fit_linear_regression(X, y, lr, n_iters):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_iters):
        r = X @ w + b - y
        w = w - lr * (2.0 / n) * (X.T @ r)
        r = X @ w + b - y
        b = b - lr * (2.0 / n) * r.sum()
    return w, float(b)
