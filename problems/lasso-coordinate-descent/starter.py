import numpy as np


def lasso_cd(X, y, alpha, n_iter):
    """Lasso by cyclic coordinate descent: minimise (1/(2n)) ||y - X w||^2 + alpha ||w||_1 (no intercept).

    X: (n, d), y: (n,), float64 or any integer dtype; alpha >= 0; n_iter >= 0 full sweeps.
    Start from w = 0 and, n_iter times, update w_0, w_1, ..., w_{d-1} in order, each by its exact
    minimiser given the others (soft-thresholding); a zero column keeps w_j = 0.
    Returns w as a float64 array of shape (d,). Do not modify the inputs.
    """
    raise NotImplementedError
