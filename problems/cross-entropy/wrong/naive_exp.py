"""Exponentiates the raw logits (no max subtraction): exp(1000) overflows to inf and the loss becomes nan."""
import numpy as np


def cross_entropy(logits, targets):
    z = np.asarray(logits, dtype=float)
    log_sum_exp = np.log(np.exp(z).sum(axis=1))
    return float(np.mean(log_sum_exp - z[np.arange(len(z)), targets]))
