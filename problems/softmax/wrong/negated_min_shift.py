"""Shifts by the max written as -min(-x) in the input's dtype: for unsigned integers -x is not a negation
(in uint8, -5 is 251), so the shift is wrong and exponents overflow."""
import numpy as np


def softmax(x, axis=-1):
    x = np.asarray(x)
    m = -np.min(-x, axis=axis, keepdims=True)
    e = np.exp(x.astype(np.float64) - m.astype(np.float64))
    return e / e.sum(axis=axis, keepdims=True)
