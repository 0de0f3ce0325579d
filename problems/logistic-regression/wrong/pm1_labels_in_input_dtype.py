"""Uses the {-1, +1} label form of the loss, log(1 + exp(-s z)) with s = 2 y - 1, and computes s in y's own
dtype: for unsigned labels 2 * 0 - 1 wraps around to the dtype's maximum (255 in uint8) instead of -1.
Signed and float labels give the right answer."""
import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def fit_logistic_regression(X, y, lr, n_iters, l2=0.0):
    X = np.asarray(X, dtype=np.float64)
    s = 2 * y - 1                           # {0, 1} -> {-1, +1}, in y's dtype
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_iters):
        z = X @ w + b
        g = -s * _sigmoid(-s * z)           # d/dz log(1 + exp(-s z)) = p - y for s = +-1
        w, b = w - lr * (X.T @ g / n + l2 * w), b - lr * g.mean()
    return w, float(b)
