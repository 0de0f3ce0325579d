"""Recommends the globally most popular items the user has not seen: no personalisation, so the score
stays well below the threshold on data with distinct tastes."""
import numpy as np


def recommend(train, n_users, n_items, users, k):
    train = np.asarray(train).reshape(-1, 2)
    counts = np.bincount(train[:, 1], minlength=n_items).astype(float)
    X = np.zeros((n_users, n_items), dtype=bool)
    X[train[:, 0], train[:, 1]] = True
    scores = np.tile(counts, (len(users), 1))
    scores[X[users]] = -np.inf
    return np.argsort(-scores, axis=1, kind="stable")[:, :k]
