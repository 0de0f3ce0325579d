"""Builds each training set with a Python list comprehension that tests membership in the test *list*:
correct, but O(n^2 / k) per fold, far too slow for tens of thousands of samples."""
import numpy as np


def kfold_indices(n_samples, k, shuffle=False, seed=0):
    order = list(np.random.default_rng(seed).permutation(n_samples)) if shuffle else list(range(n_samples))
    folds, start = [], 0
    for i in range(k):
        size = n_samples // k + (1 if i < n_samples % k else 0)
        test = order[start:start + size]
        train = [j for j in range(n_samples) if j not in test]
        folds.append((np.array(train, dtype=np.int64), np.array(test, dtype=np.int64)))
        start += size
    return folds
