"""Masks by multiplying the scores by the lower-triangular 0/1 matrix: future scores become 0 instead of -inf,
so future keys keep a positive weight."""
import numpy as np


def attention(Q, K, V, causal=False):
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if causal:
        scores = scores * np.tril(np.ones(scores.shape[-2:]))
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    w = e / e.sum(axis=-1, keepdims=True)
    return w @ V, w
