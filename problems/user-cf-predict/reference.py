import numpy as np


def predict_ratings(R, k):
    R = np.asarray(R, dtype=np.float64)
    n_users, n_items = R.shape
    rated = R > 0

    norms = np.linalg.norm(R, axis=1)
    safe = np.where(norms > 0, norms, 1.0)
    S = (R @ R.T) / np.outer(safe, safe)                  # symmetric: S[v, u] = s(u, v)
    S[norms == 0, :] = 0.0
    S[:, norms == 0] = 0.0

    counts = rated.sum(axis=1)
    means = np.divide(R.sum(axis=1), counts, out=np.zeros(n_users), where=counts > 0)

    # rank[v, u]: v's place in u's list of the other users, most similar first, ties to the lower user
    # index (a stable sort); u itself is placed last and never counts as a neighbour.
    users = np.arange(n_users)
    key = -S
    key[users, users] = np.inf
    order = np.argsort(key, axis=1, kind="stable")
    rank = np.empty_like(order)
    np.put_along_axis(rank, order, users[None, :], axis=1)
    rank = np.ascontiguousarray(rank.T)

    P = np.repeat(means[None, :], n_items, axis=0)       # (n_items, n_users); the fallback is u's mean
    Rt = np.ascontiguousarray(R.T)
    for i in range(n_items):
        raters = np.flatnonzero(Rt[i] > 0)                # the users who rated item i
        if raters.size == 0:
            continue
        r = rank[raters]                                  # (n_raters, n_users)
        if k < raters.size:                               # the k best-ranked raters of item i, per user u
            chosen = r <= np.partition(r, k - 1, axis=0)[k - 1]
        else:
            chosen = np.ones(r.shape, dtype=bool)
        w = np.where(chosen & (raters[:, None] != users[None, :]), S[raters], 0.0)
        num = Rt[i, raters] @ w
        den = np.abs(w).sum(axis=0)
        P[i] = np.where(den > 0, num / np.where(den > 0, den, 1.0), means)
    return P.T.copy()
