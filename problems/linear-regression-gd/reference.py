import numpy as np


def fit_linear_regression(X: np.ndarray, y: np.ndarray, lr: float, n_iters: int) -> tuple[np.ndarray, float]:
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_iters):
        r = X @ w + b - y                 # residuals at the current (w, b)
        grad_w = (2.0 / n) * (X.T @ r)
        grad_b = (2.0 / n) * r.sum()
        w, b = w - lr * grad_w, b - lr * grad_b   # simultaneous update
    return w, float(b)
