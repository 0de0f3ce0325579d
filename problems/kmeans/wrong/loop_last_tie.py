"""Scans the centroids in a loop with `<=`, so a tie goes to the last (highest-index) tied centroid instead
of the lowest."""
import numpy as np


def kmeans(X, k, init, max_iter=100):
    X = np.asarray(X, dtype=np.float64)
    C = np.array(init, dtype=np.float64)
    n = len(X)
    labels = None
    for _ in range(max_iter):
        best = np.full(n, np.inf)
        new = np.zeros(n, dtype=np.int64)
        for j in range(k):
            d = ((X - C[j]) ** 2).sum(axis=1)
            closer = d <= best
            best[closer] = d[closer]
            new[closer] = j
        if labels is not None and (new == labels).all():
            break
        labels = new
        for j in range(k):
            if np.any(labels == j):
                C[j] = X[labels == j].mean(0)
    return C, labels
