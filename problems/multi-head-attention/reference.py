import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    X = np.asarray(X, dtype=np.float64)
    B, L, D = X.shape
    dh = D // n_heads

    def split(M):  # (B, L, D) -> (B, H, L, dh); head h owns columns h*dh:(h+1)*dh
        return M.reshape(B, L, n_heads, dh).transpose(0, 2, 1, 3)

    Q, K, V = split(X @ Wq), split(X @ Wk), split(X @ Wv)
    scores = Q @ K.transpose(0, 1, 3, 2) / np.sqrt(dh)
    if causal:
        scores = np.where(np.tril(np.ones((L, L), dtype=bool)), scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    heads = weights @ V                                  # (B, H, L, dh)
    concat = heads.transpose(0, 2, 1, 3).reshape(B, L, D)
    return concat @ Wo
