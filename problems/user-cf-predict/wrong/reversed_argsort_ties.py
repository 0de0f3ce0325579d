"""Ranks neighbours with np.argsort(sims)[::-1]: the reversal sends ties to the HIGHER user index."""
import numpy as np


def predict_ratings(R, k):
    R = np.asarray(R, dtype=float)
    n, m = R.shape
    norms = np.linalg.norm(R, axis=1)
    safe = np.where(norms > 0, norms, 1.0)
    S = R @ R.T / np.outer(safe, safe)
    np.fill_diagonal(S, -1.0)
    cnt = (R > 0).sum(1)
    means = np.divide(R.sum(1), cnt, out=np.zeros(n), where=cnt > 0)
    P = np.empty((n, m))
    for u in range(n):
        order = np.argsort(S[u], kind="stable")[::-1][: n - 1]   # drops u (similarity -1, sorted first)
        for i in range(m):
            nb = [v for v in order if R[v, i] > 0][:k]
            w = S[u, nb]
            P[u, i] = (w @ R[nb, i]) / w.sum() if w.sum() > 0 else means[u]
    return P
