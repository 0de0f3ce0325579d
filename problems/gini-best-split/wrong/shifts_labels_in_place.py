"""Shifts the labels to start at 0 in place (y -= y.min()): the caller's `y` is modified, which the
statement forbids (with int64 labels the scores are otherwise right)."""
import numpy as np


def best_split(X, y):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    y -= y.min()                           # in place: np.asarray returned the caller's array
    n, d = X.shape
    total = np.bincount(y)
    k = total.size
    best, best_g = (-1, 0.0, 1.0 - float(total @ total) / n ** 2), np.inf
    for j in range(d):
        values = np.unique(X[:, j])
        for t in (values[:-1] + values[1:]) / 2:
            left = np.bincount(y[X[:, j] <= t], minlength=k)
            right = total - left
            g = (n - left @ left / left.sum() - right @ right / right.sum()) / n
            if g < best_g - 1e-12:
                best_g, best = g, (j, float(t), float(g))
    return best
