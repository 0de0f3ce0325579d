"""Flattens the batch into one long sequence of B*L tokens, so tokens attend to other sequences."""
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    B, L, D = X.shape
    dh = D // n_heads
    N = B * L
    flat = X.reshape(N, D)
    split = lambda M: M.reshape(N, n_heads, dh).transpose(1, 0, 2)    # (H, B*L, dh)
    Q, K, V = split(flat @ Wq), split(flat @ Wk), split(flat @ Wv)
    s = Q @ K.transpose(0, 2, 1) / np.sqrt(dh)
    if causal:
        s = np.where(np.tril(np.ones((N, N), dtype=bool)), s, -np.inf)
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    w /= w.sum(axis=-1, keepdims=True)
    return (w @ V).transpose(1, 0, 2).reshape(B, L, D) @ Wo
