"""Divides by the column's squared norm without checking it: a column of zeros gives 0 / 0 = nan."""
import numpy as np


def lasso_cd(X, y, alpha, n_iter):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    r = np.array(y, dtype=float)
    w = np.zeros(d)
    z = (X ** 2).sum(axis=0) / n
    for _ in range(n_iter):
        for j in range(d):
            rho = X[:, j] @ r / n + z[j] * w[j]
            with np.errstate(invalid="ignore", divide="ignore"):
                new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            r -= X[:, j] * (new - w[j])
            w[j] = new
    return w
