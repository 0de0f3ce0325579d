"""Computes the residual once per sweep and updates every coordinate from it (a Jacobi step): coordinate j
does not see the updates of coordinates 0..j-1 made earlier in the same sweep."""
import numpy as np


def lasso_cd(X, y, alpha, n_iter):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    z = (X ** 2).sum(axis=0) / n
    for _ in range(n_iter):
        r = y - X @ w
        new_w = w.copy()
        for j in range(d):
            if z[j] == 0:
                continue
            rho = X[:, j] @ r / n + z[j] * w[j]
            new_w[j] = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
        w = new_w
    return w
