"""Shuffles with rng.choice(n_samples, n_samples, replace=False) instead of rng.permutation(n_samples): also a
random permutation, but not the one the statement prescribes."""
import numpy as np


def kfold_indices(n_samples, k, shuffle=False, seed=0):
    if shuffle:
        order = np.random.default_rng(seed).choice(n_samples, n_samples, replace=False)
    else:
        order = np.arange(n_samples)
    folds, start = [], 0
    for i in range(k):
        size = n_samples // k + (1 if i < n_samples % k else 0)
        test = order[start:start + size]
        mask = np.ones(n_samples, dtype=bool)
        mask[test] = False
        folds.append((np.flatnonzero(mask), test))
        start += size
    return folds
