import numpy as np


def kfold_indices(n_samples: int, k: int, shuffle: bool = False, seed: int = 0) -> list:
    """K-fold split of range(n_samples) into k folds (scikit-learn KFold's sizes).

    Returns a list of k tuples (train_idx, test_idx) of int64 arrays. With shuffle=True the order is
    np.random.default_rng(seed).permutation(n_samples); test indices keep that order, train indices are
    sorted ascending.
    """
    raise NotImplementedError
