"""Flattens all leading dimensions into one batch axis and forgets to restore them: returns a 2-D array."""
import numpy as np


def linear_forward(X, W, b):
    X = np.asarray(X, dtype=float)
    W = np.asarray(W, dtype=float)
    return X.reshape(-1, W.shape[1]) @ W.T + b
