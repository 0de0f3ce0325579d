"""Treats a column as zero when z_j < 1e-10 instead of z_j == 0: a tiny but nonzero column is never updated."""
import numpy as np


def lasso_cd(X, y, alpha, n_iter):
    X = np.asarray(X, dtype=float)
    r = np.asarray(y, dtype=float).copy()
    n, d = X.shape
    w = np.zeros(d)
    z = (X ** 2).mean(axis=0)
    for _ in range(n_iter):
        for j in range(d):
            if z[j] < 1e-10:
                continue
            rho = X[:, j] @ r / n + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            r -= X[:, j] * (new - w[j])
            w[j] = new
    return w
