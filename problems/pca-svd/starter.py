import numpy as np


def pca(X: np.ndarray, n_components: int):
    """Principal component analysis of the rows of X.

    X: (n, d) samples in rows (float64 or integer). Centre the columns, then return the tuple
      components               (n_components, d) float64: unit-norm principal axes, largest variance first,
                               each signed so that its entry of largest absolute value is positive;
      explained_variance_ratio (n_components,)   float64: each component's share of the total variance;
      projected                (n, n_components) float64: the centred data in component coordinates.
    """
    raise NotImplementedError
