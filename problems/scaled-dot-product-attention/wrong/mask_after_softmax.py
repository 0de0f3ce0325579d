"""Applies the causal mask after the softmax (zeroing future weights), so the rows no longer sum to 1."""
import numpy as np


def attention(Q, K, V, causal=False):
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    w = e / e.sum(axis=-1, keepdims=True)
    if causal:
        w = w * np.tril(np.ones(w.shape[-2:]))
    return w @ V, w
