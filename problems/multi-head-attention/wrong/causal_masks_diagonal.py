"""Off by one in the causal mask: masks np.triu(ones) (k=0) instead of np.triu(ones, k=1), so the diagonal is
masked too; query 0 has no key left and its row is nan."""
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    B, L, D = X.shape
    dh = D // n_heads
    split = lambda M: M.reshape(B, L, n_heads, dh).transpose(0, 2, 1, 3)
    Q, K, V = split(X @ Wq), split(X @ Wk), split(X @ Wv)
    s = Q @ K.transpose(0, 1, 3, 2) / np.sqrt(dh)
    if causal:
        s = np.where(np.triu(np.ones((L, L), dtype=bool)), -np.inf, s)
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    w /= w.sum(axis=-1, keepdims=True)
    return (w @ V).transpose(0, 2, 1, 3).reshape(B, L, D) @ Wo
