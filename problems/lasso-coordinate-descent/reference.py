import numpy as np


def lasso_cd(X, y, alpha, n_iter):
    X = np.asarray(X, dtype=np.float64)
    r = np.array(y, dtype=np.float64)          # residual y - X w, kept current after every coordinate
    n, d = X.shape
    w = np.zeros(d)
    z = (X ** 2).sum(axis=0) / n
    for _ in range(n_iter):
        for j in range(d):
            if z[j] == 0.0:
                continue                       # a zero column: w_j stays 0
            rho = X[:, j] @ r / n + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            if new != w[j]:
                r -= X[:, j] * (new - w[j])
                w[j] = new
    return w
