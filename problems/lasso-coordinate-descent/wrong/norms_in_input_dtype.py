"""Computes the column norms (X * X).sum(axis=0) on the raw array: for integer X the squares (and their
sum) wrap around in the input's own dtype (in int8, 127 * 127 is 1)."""
import numpy as np


def lasso_cd(X, y, alpha, n_iter):
    n, d = X.shape
    with np.errstate(over="ignore"):
        z = (X * X).sum(axis=0) / n
    X = np.asarray(X, dtype=float)
    r = np.array(y, dtype=float)
    w = np.zeros(d)
    for _ in range(n_iter):
        for j in range(d):
            if z[j] == 0:
                continue
            rho = X[:, j] @ r / n + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            r -= X[:, j] * (new - w[j])
            w[j] = new
    return w
