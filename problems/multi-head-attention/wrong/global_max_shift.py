"""Stabilises the softmax with ONE maximum over the whole (B, H, L, L) score tensor instead of each row's
maximum: a row (or a whole head) whose scores are > ~745 below the global maximum underflows to 0/0 = nan."""
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    B, L, D = X.shape
    dh = D // n_heads
    split = lambda M: M.reshape(B, L, n_heads, dh).transpose(0, 2, 1, 3)
    Q, K, V = split(X @ Wq), split(X @ Wk), split(X @ Wv)
    s = Q @ K.transpose(0, 1, 3, 2) / np.sqrt(dh)
    if causal:
        s = np.where(np.tril(np.ones((L, L), dtype=bool)), s, -np.inf)
    w = np.exp(s - s.max())
    w /= w.sum(axis=-1, keepdims=True)
    return (w @ V).transpose(0, 2, 1, 3).reshape(B, L, D) @ Wo
