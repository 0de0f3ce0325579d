"""Expands |x - c|^2 = |x|^2 - 2 x.c + |c|^2 and starts from init.copy() without casting: in the first
assignment the products and squares are computed in the inputs' integer dtype and overflow
(int8: 120 * 120 wraps to 64). Later iterations use float means."""
import numpy as np


def kmeans(X, k, init, max_iter=100):
    X = np.asarray(X)
    C = init.copy()                                # integer for integer init, until the first update
    labels = None
    for _ in range(max_iter):
        d = (X * X).sum(axis=1)[:, None] - 2 * X @ C.T + (C * C).sum(axis=1)[None, :]
        new = d.argmin(axis=1)
        if labels is not None and (new == labels).all():
            break
        labels = new
        C = np.array([X[labels == j].mean(0) if np.any(labels == j) else C[j] for j in range(k)],
                     dtype=np.float64)
    return C, labels
