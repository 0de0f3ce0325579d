"""Independent candidate for problems/kfold-indices: np.array_split (which already puts the extra samples
in the first folds) and each training set as the sorted concatenation of the other folds."""
import numpy as np


def kfold_indices(n_samples, k, shuffle=False, seed=0):
    if shuffle:
        order = np.random.default_rng(seed).permutation(n_samples)
    else:
        order = np.arange(n_samples)
    folds = np.array_split(order.astype(np.int64), k)
    result = []
    for i, test in enumerate(folds):
        others = [f for j, f in enumerate(folds) if j != i]
        train = np.sort(np.concatenate(others)) if others else np.empty(0, dtype=np.int64)
        result.append((train, test.copy()))
    return result
