"""Runs range(n_iter + 1) sweeps ("iterations start at 0 and include n_iter"): one sweep too many, which
shows whenever the weights have not converged yet, and n_iter = 0 does not return zeros."""
import numpy as np


def lasso_cd(X, y, alpha, n_iter):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    r = np.array(y, dtype=float)
    w = np.zeros(d)
    z = (X ** 2).sum(axis=0) / n
    for _ in range(n_iter + 1):
        for j in range(d):
            if z[j] == 0:
                continue
            rho = X[:, j] @ r / n + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            r -= X[:, j] * (new - w[j])
            w[j] = new
    return w
