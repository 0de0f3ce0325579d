"""Soft-thresholds as max(rho - alpha, 0), forgetting the negative side: a coordinate whose correlation is
negative is set to 0 instead of rho + alpha < 0, so no weight can ever be negative."""
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
            rho = X[:, j] @ r / n + z[j] * w[j]
            new = max(rho - alpha, 0.0) / z[j]
            r -= X[:, j] * (new - w[j])
            w[j] = new
    return w
