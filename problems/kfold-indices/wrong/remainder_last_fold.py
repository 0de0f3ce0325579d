"""Gives every fold n_samples // k samples and puts the whole remainder into the last fold."""
import numpy as np


def kfold_indices(n_samples, k, shuffle=False, seed=0):
    order = np.random.default_rng(seed).permutation(n_samples) if shuffle else np.arange(n_samples)
    size = n_samples // k
    folds = []
    for i in range(k):
        test = order[i * size:] if i == k - 1 else order[i * size:(i + 1) * size]
        train = np.setdiff1d(np.arange(n_samples), test)
        folds.append((train, test))
    return folds
