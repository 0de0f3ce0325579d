"""Writes the logit's negation as -X @ w - b, which NumPy evaluates as (-X) @ w - b: unary minus binds tighter
than @, so -X is taken in X's own dtype, where it wraps around for unsigned X (-3 is 253 in uint8) and at the
signed minimum (-(-128) is -128 in int8). Float X gives the right answer (the sigmoid is stable)."""
import numpy as np


def fit_logistic_regression(X, y, lr, n_iters, l2=0.0):
    y = np.asarray(y, dtype=np.float64)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_iters):
        t = -X @ w - b                      # meant to be -z
        e = np.exp(-np.abs(t))
        p = np.where(t <= 0, 1.0 / (1.0 + e), e / (1.0 + e))   # sigma(z) = 1 / (1 + e^t)
        err = p - y
        w, b = w - lr * (X.T @ err / n + l2 * w), b - lr * err.mean()
    return w, float(b)
