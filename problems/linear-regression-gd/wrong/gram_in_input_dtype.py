"""Precomputes the normal-equation pieces Xa^T Xa and Xa^T y once (a valid speed-up) but builds Xa with a ones
column of X's dtype and never converts to float: with integer inputs the products are summed in the input's
own dtype and overflow (int8 ... int64) or wrap around (unsigned)."""
import numpy as np


def fit_linear_regression(X, y, lr, n_iters):
    n, d = X.shape
    Xa = np.hstack([X, np.ones((n, 1), dtype=X.dtype)])
    gram = Xa.T @ Xa
    rhs = Xa.T @ y
    theta = np.zeros(d + 1)
    for _ in range(n_iters):
        theta = theta - lr * (2.0 / n) * (gram @ theta - rhs)
    return theta[:d], float(theta[d])
