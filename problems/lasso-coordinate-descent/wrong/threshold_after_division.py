"""Soft-thresholds rho_j / z_j by alpha instead of rho_j by alpha (then dividing): the same only when every
column has (1/n) ||X_j||^2 = 1, which nothing here promises."""
import numpy as np


def lasso_cd(X, y, alpha, n_iter):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    r = np.array(y, dtype=float)
    w = np.zeros(d)
    z = (X ** 2).sum(axis=0) / n
    for _ in range(n_iter):
        for j in range(d):
            if z[j] == 0:
                continue
            u = (X[:, j] @ r / n + z[j] * w[j]) / z[j]
            new = np.sign(u) * max(abs(u) - alpha, 0.0)
            r -= X[:, j] * (new - w[j])
            w[j] = new
    return w
