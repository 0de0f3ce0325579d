"""Builds the training indices by concatenating the permuted order around the test slice, so with
shuffle=True they come out in permuted rather than ascending order."""
import numpy as np


def kfold_indices(n_samples, k, shuffle=False, seed=0):
    order = np.random.default_rng(seed).permutation(n_samples) if shuffle else np.arange(n_samples)
    folds, start = [], 0
    for i in range(k):
        size = n_samples // k + (1 if i < n_samples % k else 0)
        test = order[start:start + size]
        train = np.concatenate([order[:start], order[start + size:]])
        folds.append((train, test))
        start += size
    return folds
