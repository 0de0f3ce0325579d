"""Ranks each item's raters by sorting (similarity, rating) pairs in reverse: equal similarities then go
to the HIGHER rating (and, among equal ratings, the higher index), not to the lower user index."""
import numpy as np


def predict_ratings(R, k):
    R = np.asarray(R, dtype=np.float64)
    n, m = R.shape
    norms = np.linalg.norm(R, axis=1)
    safe = np.where(norms > 0, norms, 1.0)
    S = R @ R.T / np.outer(safe, safe)
    counts = (R > 0).sum(axis=1)
    means = np.divide(R.sum(axis=1), counts, out=np.zeros(n), where=counts > 0)
    P = np.empty((n, m))
    for u in range(n):
        for i in range(m):
            pairs = sorted(((S[u, v], R[v, i], v) for v in range(n) if v != u and R[v, i] > 0), reverse=True)[:k]
            den = sum(s for s, _, _ in pairs)
            P[u, i] = sum(s * r for s, r, _ in pairs) / den if den > 0 else means[u]
    return P
