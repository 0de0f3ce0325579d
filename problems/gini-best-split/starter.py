import numpy as np


def best_split(X: np.ndarray, y: np.ndarray):
    """The best axis-aligned split of (X, y) by weighted Gini impurity.

    X: (n, d) features (float64 or integer); y: (n,) integer class labels.
    Candidate thresholds are the midpoints between consecutive distinct sorted values of each feature;
    a sample goes left when x[feature] <= threshold. Ties: lowest feature index, then lowest threshold.
    Returns (feature: int, threshold: float, weighted_gini: float); (-1, 0.0, gini of y) if no feature
    has two distinct values.
    """
    raise NotImplementedError
