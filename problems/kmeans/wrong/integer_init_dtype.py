"""Copies `init` without casting to float: with integer initial centroids every mean is truncated."""
import numpy as np


def kmeans(X, k, init, max_iter=100):
    X = np.asarray(X)
    C = np.array(init)  # keeps an integer dtype
    labels = None
    for _ in range(max_iter):
        new = ((X[:, None, :] - C[None]) ** 2).sum(-1).argmin(1)
        if labels is not None and (new == labels).all():
            break
        labels = new
        for j in range(k):
            if np.any(labels == j):
                C[j] = X[labels == j].mean(0)
    return C.astype(float), labels
