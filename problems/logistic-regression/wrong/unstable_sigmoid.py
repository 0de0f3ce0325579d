"""Writes the sigmoid as exp(z) / (1 + exp(z)): for z > 709 both overflow to inf and inf / inf = nan."""
import numpy as np


def fit_logistic_regression(X, y, lr, n_iters, l2=0.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_iters):
        ez = np.exp(X @ w + b)
        err = ez / (1.0 + ez) - y
        w, b = w - lr * (X.T @ err / n + l2 * w), b - lr * err.mean()
    return w, float(b)
