"""Sums the per-sample losses over the batch instead of averaging them."""
import numpy as np


def cross_entropy(logits, targets):
    z = np.asarray(logits, dtype=float)
    m = z.max(axis=1, keepdims=True)
    log_sum_exp = m[:, 0] + np.log(np.exp(z - m).sum(axis=1))
    return float(np.sum(log_sum_exp - z[np.arange(len(z)), targets]))
