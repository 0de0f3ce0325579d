"""Shuffles with the legacy global generator (np.random.seed + np.random.permutation) instead of
np.random.default_rng(seed): a different permutation."""
import numpy as np


def kfold_indices(n_samples, k, shuffle=False, seed=0):
    if shuffle:
        np.random.seed(seed % 2**32)
        order = np.random.permutation(n_samples)
    else:
        order = np.arange(n_samples)
    folds, start = [], 0
    for i in range(k):
        size = n_samples // k + (1 if i < n_samples % k else 0)
        test = order[start:start + size]
        folds.append((np.sort(np.setdiff1d(order, test)), test))
        start += size
    return folds
