"""Good item-item CF, but takes the matrix size from the data (train.max(axis=0) + 1) instead of
n_users and n_items: a user with no training rows at the end of the range (and items nobody has) fall
outside the matrix, and X[users] raises IndexError."""
import numpy as np


def recommend(train, n_users, n_items, users, k):
    n_u, n_i = (int(v) + 1 for v in train.max(axis=0))
    X = np.zeros((n_u, n_i))
    X[train[:, 0], train[:, 1]] = 1.0
    n = np.sqrt(X.sum(axis=0))
    n[n == 0] = 1.0
    S = X.T @ X / np.outer(n, n)
    np.fill_diagonal(S, 0.0)
    scores = X[users] @ S + 1e-6 * X.sum(axis=0) / max(1.0, X.sum(axis=0).max())
    scores[X[users] > 0] = -np.inf
    return np.argsort(-scores, axis=1, kind="stable")[:, :k]
