"""Forgets to subtract the max: overflows to inf/nan on large logits."""
import numpy as np


def softmax(x, axis=-1):
    e = np.exp(np.asarray(x, dtype=float))
    return e / e.sum(axis=axis, keepdims=True)
