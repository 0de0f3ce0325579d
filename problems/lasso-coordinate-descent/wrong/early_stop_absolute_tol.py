"""Stops the sweeps once no weight changed by more than an absolute 1e-8: with weights of order 1e-7 that
converge slowly it returns before the n_iter-th sweep, while the weights still move."""
import numpy as np


def lasso_cd(X, y, alpha, n_iter):
    X = np.asarray(X, dtype=float)
    r = np.asarray(y, dtype=float).copy()
    n, d = X.shape
    w = np.zeros(d)
    z = (X ** 2).mean(axis=0)
    for _ in range(n_iter):
        w_old = w.copy()
        for j in range(d):
            if z[j] == 0:
                continue
            rho = X[:, j] @ r / n + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            r -= X[:, j] * (new - w[j])
            w[j] = new
        if np.max(np.abs(w - w_old)) < 1e-8:
            break
    return w
