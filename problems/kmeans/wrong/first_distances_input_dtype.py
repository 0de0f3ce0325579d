"""Starts from init.copy() without casting: the first assignment subtracts in the inputs' integer dtype,
where x - c wraps (uint8: 3 - 250 = 9; int8: 120 - (-120) = -16). Later iterations use float means."""
import numpy as np


def kmeans(X, k, init, max_iter=100):
    X = np.asarray(X)
    C = init.copy()                                # integer for integer init, until the first update
    labels = None
    for _ in range(max_iter):
        new = ((X[:, None, :] - C[None]) ** 2).sum(-1).argmin(1)
        if labels is not None and (new == labels).all():
            break
        labels = new
        C = np.array([X[labels == j].mean(0) if np.any(labels == j) else C[j] for j in range(k)],
                     dtype=np.float64)
    return C, labels
