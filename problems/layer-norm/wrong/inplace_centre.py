"""Centres and scales x in place to save memory: np.asarray does not copy a float64 input, so the caller's x
is overwritten."""
import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    constant = np.all(x == x[..., :1], axis=-1, keepdims=True)
    x -= x.mean(axis=-1, keepdims=True)
    x *= ~constant
    var = np.mean(x ** 2, axis=-1, keepdims=True)
    x /= np.sqrt(np.where(constant, 1.0, var + eps))
    return x * gamma + beta
