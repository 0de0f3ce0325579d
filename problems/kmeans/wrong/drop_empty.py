"""Drops clusters that end up empty: returns fewer than k centroids (and renumbers the labels)."""
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
        keep = np.unique(labels)
        C = np.stack([X[labels == j].mean(0) for j in keep])
        labels = np.searchsorted(keep, labels)
    return C, labels
