"""Multiplies by W instead of W.T (confuses the (out, in) storage layout): wrong whenever in != out, and
wrong values even for a square W."""
import numpy as np


def linear_forward(X, W, b):
    return np.asarray(X, dtype=float) @ np.asarray(W, dtype=float) + b
