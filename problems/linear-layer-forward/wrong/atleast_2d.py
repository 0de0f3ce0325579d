"""Promotes the input with np.atleast_2d and never undoes it: a single 1-D sample comes back as (1, out)."""
import numpy as np


def linear_forward(X, W, b):
    X = np.atleast_2d(np.asarray(X, dtype=float))
    return X @ np.asarray(W, dtype=float).T + b
