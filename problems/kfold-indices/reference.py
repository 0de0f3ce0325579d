import numpy as np


def kfold_indices(n_samples, k, shuffle=False, seed=0):
    order = np.random.default_rng(seed).permutation(n_samples) if shuffle else np.arange(n_samples)
    sizes = np.full(k, n_samples // k)
    sizes[: n_samples % k] += 1  # the first n_samples % k folds get one extra sample
    folds, start = [], 0
    for size in sizes:
        test = order[start:start + size].astype(np.int64)
        in_test = np.zeros(n_samples, dtype=bool)
        in_test[test] = True
        train = np.flatnonzero(~in_test).astype(np.int64)
        folds.append((train, test))
        start += size
    return folds
