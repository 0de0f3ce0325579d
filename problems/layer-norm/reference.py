import numpy as np


def layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    gamma = np.asarray(gamma, dtype=np.float64)
    beta = np.asarray(beta, dtype=np.float64)
    # A constant slice (all entries equal; d = 1 included) has variance 0 and gives exactly beta, also for
    # eps = 0. It is decided by comparing the entries: a rounded mean can leave a tiny nonzero variance.
    constant = np.all(x == x[..., :1], axis=-1, keepdims=True)
    centred = np.where(constant, 0.0, x - x.mean(axis=-1, keepdims=True))
    var = np.mean(centred ** 2, axis=-1, keepdims=True)
    scale = np.sqrt(np.where(constant, 1.0, var + eps))
    return centred / scale * gamma + beta
