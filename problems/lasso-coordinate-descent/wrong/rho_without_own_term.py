"""Uses rho_j = X_j . r / n with the full residual r = y - X w, forgetting to add back coordinate j's own
contribution z_j * w_j (the partial residual must exclude feature j)."""
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
            rho = X[:, j] @ r / n
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            r -= X[:, j] * (new - w[j])
            w[j] = new
    return w
