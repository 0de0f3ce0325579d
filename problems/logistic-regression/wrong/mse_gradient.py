"""Uses the gradient of the mean squared error of the probabilities, (2/n) X^T ((p - y) p (1 - p)), instead of
the cross-entropy gradient X^T (p - y) / n."""
import numpy as np


def fit_logistic_regression(X, y, lr, n_iters, l2=0.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_iters):
        z = np.clip(X @ w + b, -500, 500)
        p = 1.0 / (1.0 + np.exp(-z))
        g = 2.0 * (p - y) * p * (1.0 - p)
        w, b = w - lr * (X.T @ g / n + l2 * w), b - lr * g.mean()
    return w, float(b)
