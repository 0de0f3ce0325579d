"""Gives the n_samples % k extra samples to the LAST folds instead of the first ones."""
import numpy as np


def kfold_indices(n_samples, k, shuffle=False, seed=0):
    order = np.random.default_rng(seed).permutation(n_samples) if shuffle else np.arange(n_samples)
    q, r = divmod(n_samples, k)
    folds, start = [], 0
    for i in range(k):
        size = q + (1 if i >= k - r else 0)
        test = order[start:start + size]
        mask = np.ones(n_samples, dtype=bool)
        mask[test] = False
        folds.append((np.flatnonzero(mask), test))
        start += size
    return folds
