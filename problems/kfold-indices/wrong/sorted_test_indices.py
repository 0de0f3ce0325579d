"""Sorts each test fold (np.sort(order[start:stop])): with shuffle=True the test indices must keep the
permuted order."""
import numpy as np


def kfold_indices(n_samples, k, shuffle=False, seed=0):
    order = np.random.default_rng(seed).permutation(n_samples) if shuffle else np.arange(n_samples)
    folds, start = [], 0
    for i in range(k):
        size = n_samples // k + (1 if i < n_samples % k else 0)
        test = np.sort(order[start:start + size])
        mask = np.ones(n_samples, dtype=bool)
        mask[test] = False
        folds.append((np.flatnonzero(mask), test))
        start += size
    return folds
