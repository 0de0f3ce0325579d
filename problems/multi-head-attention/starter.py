import numpy as np


def multi_head_attention(X: np.ndarray, Wq: np.ndarray, Wk: np.ndarray, Wv: np.ndarray, Wo: np.ndarray,
                         n_heads: int, causal: bool = False) -> np.ndarray:
    """Multi-head self-attention (no biases, no dropout).

    X: (B, L, d_model) float64; Wq, Wk, Wv, Wo: (d_model, d_model) float64, applied as X @ W.
    Head h uses columns h*dh:(h+1)*dh of Q = X @ Wq, K = X @ Wk and V = X @ Wv, with dh = d_model // n_heads,
    and attends with softmax(Q_h K_h^T / sqrt(dh)) V_h (causal: position i sees positions j <= i).
    The heads are concatenated in order along the last axis and multiplied by Wo.
    Returns a float64 array of shape (B, L, d_model).
    """
    raise NotImplementedError
