"""Folds the 1/sqrt(d_h) scaling into the query weights in place (Wq /= sqrt(d_h)): the result is right, but
the caller's Wq is modified, which the statement forbids."""
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    B, L, D = X.shape
    dh = D // n_heads
    Wq /= np.sqrt(dh)
    split = lambda M: M.reshape(B, L, n_heads, dh).transpose(0, 2, 1, 3)
    Q, K, V = split(X @ Wq), split(X @ Wk), split(X @ Wv)
    s = Q @ K.transpose(0, 1, 3, 2)
    if causal:
        s = np.where(np.tril(np.ones((L, L), dtype=bool)), s, -np.inf)
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    w /= w.sum(axis=-1, keepdims=True)
    return (w @ V).transpose(0, 2, 1, 3).reshape(B, L, D) @ Wo
