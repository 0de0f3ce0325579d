"""Item-item CF that forgets to mask the items the user already interacted with: those score highest
(an item is most similar to itself and to its co-watched items), so the lists are wasted on them."""
import numpy as np


def recommend(train, n_users, n_items, users, k):
    train = np.asarray(train).reshape(-1, 2)
    X = np.zeros((n_users, n_items))
    X[train[:, 0], train[:, 1]] = 1.0
    n = np.sqrt(X.sum(axis=0))
    n[n == 0] = 1.0
    S = X.T @ X / np.outer(n, n)
    scores = X[users] @ S
    return np.argsort(-scores, axis=1, kind="stable")[:, :k]
