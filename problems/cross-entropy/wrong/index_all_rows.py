"""Indexes the log-probabilities with logp[:, targets] (every row at every target, an (n, n) block) instead of
pairing row i with targets[i]."""
import numpy as np


def cross_entropy(logits, targets):
    z = np.asarray(logits, dtype=float)
    m = z.max(axis=1, keepdims=True)
    logp = z - m - np.log(np.exp(z - m).sum(axis=1, keepdims=True))
    return float(-np.mean(logp[:, targets]))
