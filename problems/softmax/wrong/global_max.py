"""Subtracts one global max instead of the max of each slice: rows far below the max underflow to 0/0."""
import numpy as np


def softmax(x, axis=-1):
    x = np.asarray(x, dtype=float)
    e = np.exp(x - x.max())
    return e / e.sum(axis=axis, keepdims=True)
