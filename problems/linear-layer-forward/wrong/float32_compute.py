"""Computes in float32 "like a deep-learning framework": float64 inputs lose their low bits, and a row that
cancels (4096 + 2**-12 - 4096) comes out as 0."""
import numpy as np


def linear_forward(X, W, b):
    X, W, b = (np.asarray(a, dtype=np.float32) for a in (X, W, b))
    return (X @ W.T + b).astype(np.float64)
