"""Independent candidate: einsum scores, log-sum-exp softmax, mask by index comparison."""
import math

import numpy as np


def attention(Q, K, V, causal=False):
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    scores = np.einsum("...qd,...kd->...qk", Q, K) * (1.0 / math.sqrt(Q.shape[-1]))
    if causal:
        q_idx = np.arange(scores.shape[-2])[:, None]
        k_idx = np.arange(scores.shape[-1])[None, :]
        scores = np.where(k_idx > q_idx, -np.inf, scores)
    top = np.max(scores, axis=-1, keepdims=True)
    lse = top + np.log(np.sum(np.exp(scores - top), axis=-1, keepdims=True))
    weights = np.exp(scores - lse)
    out = np.einsum("...qk,...kv->...qv", weights, V)
    return out, weights
