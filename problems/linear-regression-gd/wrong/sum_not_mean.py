"""Uses the gradient of the summed squared error (2 X^T r, no 1/n): the step is n times too long and diverges."""
import numpy as np


def fit_linear_regression(X, y, lr, n_iters):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_iters):
        r = X @ w + b - y
        w, b = w - lr * 2 * (X.T @ r), b - lr * 2 * r.sum()
    return w, float(b)
