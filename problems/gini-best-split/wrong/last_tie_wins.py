"""Compares with <= while scanning, so among tied splits the last one (highest feature/threshold) wins."""
import numpy as np


def best_split(X, y):
    X = np.asarray(X, dtype=float)
    _, y = np.unique(y, return_inverse=True)
    n, d = X.shape
    k = y.max() + 1
    total = np.bincount(y, minlength=k)
    best, best_g = (-1, 0.0, 1.0 - float(total @ total) / n ** 2), np.inf
    for j in range(d):
        values = np.unique(X[:, j])
        for t in (values[:-1] + values[1:]) / 2:
            left = np.bincount(y[X[:, j] <= t], minlength=k)
            right = total - left
            g = (n - left @ left / left.sum() - right @ right / right.sum()) / n
            if g <= best_g + 1e-12:
                best_g, best = g, (j, float(t), float(g))
    return best
