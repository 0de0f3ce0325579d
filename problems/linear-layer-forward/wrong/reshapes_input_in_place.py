"""Flattens the batch dimensions with `X.shape = (-1, in)`, which reshapes the caller's array in place: the
result is right (it is reshaped back) but X comes back with a different shape."""
import numpy as np


def linear_forward(X, W, b):
    lead = X.shape[:-1]
    X.shape = (-1, X.shape[-1])
    Y = X.astype(np.float64) @ np.asarray(W, dtype=np.float64).T + np.asarray(b, dtype=np.float64)
    return Y.reshape(lead + (Y.shape[-1],))
