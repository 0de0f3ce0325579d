"""Iterates until convergence and ignores max_iter."""
import numpy as np


def kmeans(X, k, init, max_iter=100):
    X = np.asarray(X, dtype=float)
    C = np.array(init, dtype=float)
    labels = None
    while True:
        new = ((X[:, None, :] - C[None]) ** 2).sum(-1).argmin(1)
        if labels is not None and (new == labels).all():
            return C, labels
        labels = new
        for j in range(k):
            if np.any(labels == j):
                C[j] = X[labels == j].mean(0)
