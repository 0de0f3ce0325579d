import numpy as np


def attention(Q: np.ndarray, K: np.ndarray, V: np.ndarray, causal: bool = False):
    """Scaled dot-product attention.

    Q: (..., Lq, d), K: (..., Lk, d), V: (..., Lk, dv), all float64 with the same leading dims.
    Returns (output, weights): output (..., Lq, dv) and weights (..., Lq, Lk), both float64, where
    weights = softmax(Q K^T / sqrt(d)) over the last axis. With causal=True (only given when
    Lq == Lk), query i may attend only keys j <= i.
    """
    raise NotImplementedError
