"""Falls back to the ITEM's mean rating (over the users who rated it) instead of the user's own mean when
no neighbour has a positive similarity; 0.0 when nobody rated the item."""
import numpy as np


def predict_ratings(R, k):
    R = np.asarray(R, dtype=np.float64)
    n, m = R.shape
    norms = np.linalg.norm(R, axis=1)
    safe = np.where(norms > 0, norms, 1.0)
    S = R @ R.T / np.outer(safe, safe)
    item_counts = (R > 0).sum(axis=0)
    item_means = np.divide(R.sum(axis=0), item_counts, out=np.zeros(m), where=item_counts > 0)
    P = np.empty((n, m))
    for u in range(n):
        others = np.array([v for v in range(n) if v != u], dtype=int)
        order = others[np.lexsort((others, -S[u, others]))]
        for i in range(m):
            nb = [v for v in order if R[v, i] > 0][:k]
            w = S[u, nb]
            P[u, i] = (w @ R[nb, i]) / w.sum() if w.sum() > 0 else item_means[i]
    return P
