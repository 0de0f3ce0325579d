"""Off-by-one in the loop: counts iterations from 1 (for it in range(1, n_iters)), so only n_iters - 1 updates
are applied."""
import numpy as np


def fit_linear_regression(X, y, lr, n_iters):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(1, n_iters):
        r = X @ w + b - y
        w, b = w - lr * (2.0 / n) * (X.T @ r), b - lr * (2.0 / n) * r.sum()
    return w, float(b)
