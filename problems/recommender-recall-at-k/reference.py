import numpy as np


def recommend(train, n_users, n_items, users, k):
    """Item-item cosine collaborative filtering on the binary user x item matrix."""
    train = np.asarray(train, dtype=np.int64).reshape(-1, 2)
    users = np.asarray(users, dtype=np.int64)
    X = np.zeros((n_users, n_items))
    X[train[:, 0], train[:, 1]] = 1.0

    norms = np.sqrt(X.sum(axis=0))
    norms[norms == 0] = 1.0
    S = (X.T @ X) / np.outer(norms, norms)      # item-item cosine
    np.fill_diagonal(S, 0.0)

    Xu = X[users]
    scores = Xu @ S
    # Popularity as a tiny tie-breaker (users with few or unusual items still get sensible lists).
    scores += 1e-6 * X.sum(axis=0) / max(1.0, X.sum(axis=0).max())
    scores[Xu > 0] = -np.inf                     # never recommend what the user already has
    top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    order = np.argsort(-np.take_along_axis(scores, top, axis=1), axis=1, kind="stable")
    return np.take_along_axis(top, order, axis=1).astype(np.int64)
