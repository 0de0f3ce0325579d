"""Computes X @ W.T + b in the inputs' own dtype and only casts the result to float64: integer products and
sums wrap around (int8 * int8 stays int8, uint8 stays uint8, ...)."""
import numpy as np


def linear_forward(X, W, b):
    X, W, b = np.asarray(X), np.asarray(W), np.asarray(b)
    return (X @ W.T + b).astype(np.float64)
