"""Shifts by each row's maximum over ALL keys (masked future keys included), exponentiates, then multiplies by
the causal 0/1 mask and renormalises. Exact in real arithmetic, but when a future key scores > ~745 above every
allowed key the allowed weights underflow to 0 and the row becomes 0/0 = nan."""
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    B, L, D = X.shape
    dh = D // n_heads
    split = lambda M: M.reshape(B, L, n_heads, dh).transpose(0, 2, 1, 3)
    Q, K, V = split(X @ Wq), split(X @ Wk), split(X @ Wv)
    s = Q @ K.transpose(0, 1, 3, 2) / np.sqrt(dh)
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    if causal:
        w = w * np.tril(np.ones((L, L)))
    w /= w.sum(axis=-1, keepdims=True)
    return (w @ V).transpose(0, 2, 1, 3).reshape(B, L, D) @ Wo
