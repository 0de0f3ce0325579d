"""Re-seeds an empty cluster at a random data point instead of keeping its previous centroid."""
import numpy as np


def kmeans(X, k, init, max_iter=100):
    rng = np.random.default_rng(0)
    X = np.asarray(X, dtype=float)
    C = np.array(init, dtype=float)
    labels = None
    for _ in range(max_iter):
        new = ((X[:, None, :] - C[None]) ** 2).sum(-1).argmin(1)
        if labels is not None and (new == labels).all():
            break
        labels = new
        for j in range(k):
            members = X[labels == j]
            C[j] = members.mean(0) if len(members) else X[rng.integers(len(X))]
    return C, labels
