"""Computes the mean as x.sum(axis=-1) / d before converting to float64: the sum runs in the input's own dtype,
so four int64 (or uint64) entries near 2^62 overflow and wrap around."""
import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    x = np.asarray(x)
    d = x.shape[-1]
    mean = x.sum(axis=-1, keepdims=True) / d
    constant = np.all(x == x[..., :1], axis=-1, keepdims=True)
    centred = np.where(constant, 0.0, x.astype(np.float64) - mean)
    var = np.mean(centred ** 2, axis=-1, keepdims=True)
    return centred / np.sqrt(np.where(constant, 1.0, var + eps)) * gamma + beta
