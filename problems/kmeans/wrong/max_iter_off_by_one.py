"""Counts iterations from 1 (range(1, max_iter)): runs one iteration fewer than max_iter allows (and none at
all for max_iter = 1)."""
import numpy as np


def kmeans(X, k, init, max_iter=100):
    X = np.asarray(X, dtype=np.float64)
    C = np.array(init, dtype=np.float64)
    labels = ((X[:, None, :] - C[None]) ** 2).sum(-1).argmin(1)
    for _ in range(1, max_iter):
        for j in range(k):
            if np.any(labels == j):
                C[j] = X[labels == j].mean(0)
        new = ((X[:, None, :] - C[None]) ** 2).sum(-1).argmin(1)
        if (new == labels).all():
            break
        labels = new
    return C, labels
