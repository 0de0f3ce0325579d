"""Starts the residual as r = np.asarray(y) and updates it in place: for float y that is y itself, so the
caller's y is overwritten (and an integer y cannot take the float update)."""
import numpy as np


def lasso_cd(X, y, alpha, n_iter):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    r = np.asarray(y)
    w = np.zeros(d)
    z = (X ** 2).sum(axis=0) / n
    for _ in range(n_iter):
        for j in range(d):
            if z[j] == 0:
                continue
            rho = X[:, j] @ r / n + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            r -= X[:, j] * (new - w[j])
            w[j] = new
    return w
