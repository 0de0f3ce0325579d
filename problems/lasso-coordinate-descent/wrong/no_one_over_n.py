"""Drops the 1/n of the objective: rho = X_j . r and the column norm ||X_j||^2 are unscaled but alpha is
not multiplied by n, so the penalty is effectively n times too weak."""
import numpy as np


def lasso_cd(X, y, alpha, n_iter):
    X = np.asarray(X, dtype=float)
    r = np.array(y, dtype=float)
    w = np.zeros(X.shape[1])
    for _ in range(n_iter):
        for j in range(X.shape[1]):
            norm = X[:, j] @ X[:, j]
            if norm == 0:
                continue
            rho = X[:, j] @ r + norm * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / norm
            r -= X[:, j] * (new - w[j])
            w[j] = new
    return w
