"""Off by one in the fold sizes: every fold takes ceil(n / k) samples and the last fold gets what is left
(10 into 3 gives 4, 4, 2 instead of 4, 3, 3)."""
import math

import numpy as np


def kfold_indices(n_samples, k, shuffle=False, seed=0):
    order = np.random.default_rng(seed).permutation(n_samples) if shuffle else np.arange(n_samples)
    size = math.ceil(n_samples / k)
    folds = []
    for i in range(k):
        test = order[i * size:] if i == k - 1 else order[i * size:(i + 1) * size]
        mask = np.ones(n_samples, dtype=bool)
        mask[test] = False
        folds.append((np.flatnonzero(mask), test))
    return folds
