"""Forgets eps altogether (and ignores the argument): constant slices divide 0 by 0 and give nan."""
import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=float)
    mean = x.mean(axis=-1, keepdims=True)
    return (x - mean) / x.std(axis=-1, keepdims=True) * gamma + beta
