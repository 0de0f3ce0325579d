"""Counts classes with np.bincount(y), assuming the labels are 0..K-1: negative labels raise, huge labels
allocate a count for every integer up to the largest."""
import numpy as np


def best_split(X, y):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y).astype(np.int64)
    n, d = X.shape
    total = np.bincount(y)
    k = total.size
    parent = 1.0 - float(total @ total) / n ** 2
    best = None
    for j in range(d):
        order = np.argsort(X[:, j], kind="stable")
        xs = X[order, j]
        cut = np.nonzero(xs[:-1] < xs[1:])[0]
        if cut.size == 0:
            continue
        onehot = np.zeros((n, k))
        onehot[np.arange(n), y[order]] = 1.0
        left = np.cumsum(onehot, axis=0)[cut]
        right = total - left
        n_left = cut + 1.0
        impurity = (n - (left ** 2).sum(axis=1) / n_left - (right ** 2).sum(axis=1) / (n - n_left)) / n
        i = int(np.argmin(impurity))
        i = int(np.nonzero(impurity <= impurity[i] + 1e-12)[0][0])
        if best is None or impurity[i] < best[0] - 1e-12:
            best = (float(impurity[i]), j, float((xs[cut[i]] + xs[cut[i] + 1]) / 2))
    if best is None:
        return (-1, 0.0, parent)
    return (best[1], best[2], best[0])
