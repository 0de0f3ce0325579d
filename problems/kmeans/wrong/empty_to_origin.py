"""Vectorised update that divides the cluster sums by max(count, 1): an empty cluster jumps to the origin."""
import numpy as np


def kmeans(X, k, init, max_iter=100):
    X = np.asarray(X, dtype=float)
    C = np.array(init, dtype=float)
    labels = None
    for _ in range(max_iter):
        new = ((X[:, None, :] - C[None]) ** 2).sum(-1).argmin(1)
        if labels is not None and (new == labels).all():
            break
        labels = new
        sums = np.zeros_like(C)
        np.add.at(sums, labels, X)
        C = sums / np.maximum(np.bincount(labels, minlength=k), 1)[:, None]
    return C, labels
