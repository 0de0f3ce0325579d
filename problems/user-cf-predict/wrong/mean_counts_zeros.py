"""Falls back to the mean of the whole rating row, counting the missing zeros as ratings."""
import numpy as np


def predict_ratings(R, k):
    R = np.asarray(R, dtype=float)
    n, m = R.shape
    norms = np.linalg.norm(R, axis=1)
    safe = np.where(norms > 0, norms, 1.0)
    S = R @ R.T / np.outer(safe, safe)
    means = R.mean(axis=1)
    P = np.empty((n, m))
    for u in range(n):
        others = np.array([v for v in range(n) if v != u], dtype=int)
        order = others[np.lexsort((others, -S[u, others]))]
        for i in range(m):
            nb = [v for v in order if R[v, i] > 0][:k]
            w = S[u, nb]
            P[u, i] = (w @ R[nb, i]) / w.sum() if w.sum() > 0 else means[u]
    return P
