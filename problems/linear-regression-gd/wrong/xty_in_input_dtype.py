"""Splits the gradient as (2/n) (X^T X w + X^T 1 b - X^T y) and precomputes X^T y from the raw inputs: the
Gram part is float (the ones column is float64) but X^T y is computed in the integer dtype and overflows or
wraps around."""
import numpy as np


def fit_linear_regression(X, y, lr, n_iters):
    n, d = X.shape
    Xa = np.hstack([X, np.ones((n, 1))])   # float64
    gram = Xa.T @ Xa
    rhs = np.append(X.T @ y, np.sum(y, dtype=np.float64))   # X.T @ y in the input dtype
    theta = np.zeros(d + 1)
    for _ in range(n_iters):
        theta = theta - lr * (2.0 / n) * (gram @ theta - rhs)
    return theta[:d], float(theta[d])
