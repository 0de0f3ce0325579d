"""Independent candidate: a Python loop over heads with column slices and einsum, hstack to merge."""
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    X = np.asarray(X, dtype=float)
    _, L, D = X.shape
    dh = D // n_heads
    Q = np.einsum("bld,de->ble", X, Wq)
    K = np.einsum("bld,de->ble", X, Wk)
    V = np.einsum("bld,de->ble", X, Wv)
    future = np.triu(np.ones((L, L), dtype=bool), k=1)
    outs = []
    for h in range(n_heads):
        cols = slice(h * dh, (h + 1) * dh)
        s = np.einsum("bid,bjd->bij", Q[:, :, cols], K[:, :, cols]) / np.sqrt(dh)
        if causal:
            s[:, future] = -np.inf
        s -= s.max(axis=2, keepdims=True)
        p = np.exp(s)
        p /= p.sum(axis=2, keepdims=True)
        outs.append(np.einsum("bij,bjd->bid", p, V[:, :, cols]))
    return np.einsum("ble,ef->blf", np.concatenate(outs, axis=2), Wo)
