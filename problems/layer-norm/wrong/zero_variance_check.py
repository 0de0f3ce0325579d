"""Detects constant slices by the computed variance being exactly 0 (var == 0) instead of comparing the
entries: for a slice of three 0.1s the rounded mean leaves a variance of 1.9e-34, and with eps = 0 the
output is beta -/+ gamma instead of beta."""
import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    centred = x - x.mean(axis=-1, keepdims=True)
    var = np.mean(centred ** 2, axis=-1, keepdims=True)
    constant = var == 0
    normed = np.where(constant, 0.0, centred) / np.sqrt(np.where(constant, 1.0, var + eps))
    return normed * gamma + beta
