"""Splits heads with reshape(B, L, dh, H): head h gets the interleaved columns h, h+H, h+2H, ...
instead of the contiguous block h*dh:(h+1)*dh (and merges them back the same way)."""
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    B, L, D = X.shape
    dh = D // n_heads
    split = lambda M: M.reshape(B, L, dh, n_heads).transpose(0, 3, 1, 2)   # (B, H, L, dh)
    Q, K, V = split(X @ Wq), split(X @ Wk), split(X @ Wv)
    s = Q @ K.transpose(0, 1, 3, 2) / np.sqrt(dh)
    if causal:
        s = np.where(np.tril(np.ones((L, L), dtype=bool)), s, -np.inf)
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    w /= w.sum(axis=-1, keepdims=True)
    heads = w @ V                                                        # (B, H, L, dh)
    return heads.transpose(0, 2, 3, 1).reshape(B, L, D) @ Wo
