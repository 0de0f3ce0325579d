"""Allocates the output with np.empty_like(x): for an integer x the result keeps x's integer dtype and every
value is truncated."""
import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    out = np.empty_like(x)
    xf = np.asarray(x, dtype=np.float64)
    constant = np.all(xf == xf[..., :1], axis=-1, keepdims=True)
    centred = np.where(constant, 0.0, xf - xf.mean(axis=-1, keepdims=True))
    var = np.mean(centred ** 2, axis=-1, keepdims=True)
    out[...] = centred / np.sqrt(np.where(constant, 1.0, var + eps)) * gamma + beta
    return out
