"""Reduces the seed modulo 2**32 ("seeds are 32-bit") before np.random.default_rng: a seed beyond 2**32 gives
another permutation."""
import numpy as np


def kfold_indices(n_samples, k, shuffle=False, seed=0):
    order = np.random.default_rng(seed % 2**32).permutation(n_samples) if shuffle else np.arange(n_samples)
    folds, start = [], 0
    for i in range(k):
        size = n_samples // k + (1 if i < n_samples % k else 0)
        test = order[start:start + size]
        mask = np.ones(n_samples, dtype=bool)
        mask[test] = False
        folds.append((np.flatnonzero(mask), test))
        start += size
    return folds
