import numpy as np


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """1 / (1 + e^-z) without overflow: only ever exponentiate non-positive numbers."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def fit_logistic_regression(X: np.ndarray, y: np.ndarray, lr: float, n_iters: int,
                            l2: float = 0.0) -> tuple[np.ndarray, float]:
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_iters):
        err = _sigmoid(X @ w + b) - y            # p - y at the current (w, b)
        grad_w = X.T @ err / n + l2 * w          # the bias is not regularised
        grad_b = err.sum() / n
        w, b = w - lr * grad_w, b - lr * grad_b  # simultaneous update
    return w, float(b)
