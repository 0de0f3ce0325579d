"""Loops over the rows of X assuming a 2-D (batch, in) input: breaks on 1-D, 3-D+ and empty batches."""
import numpy as np


def linear_forward(X, W, b):
    W = np.asarray(W, dtype=float)
    return np.array([W @ x + b for x in np.asarray(X, dtype=float)])
