"""Adds the bias as a column vector (b[:, None]), i.e. per sample instead of per output feature."""
import numpy as np


def linear_forward(X, W, b):
    return np.asarray(X, dtype=float) @ np.asarray(W, dtype=float).T + np.asarray(b, dtype=float)[:, None]
