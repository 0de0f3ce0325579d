"""Adds var_smoothing itself to the variances, forgetting to scale it by the largest feature variance of
X_train: the smoothing term is wrong whenever that variance is not 1, which matters for constant features."""
import numpy as np


def gaussian_nb_log_posterior(X_train, y_train, X_test, var_smoothing=1e-9):
    X = np.asarray(X_train, dtype=float)
    T = np.asarray(X_test, dtype=float)
    classes = np.unique(y_train)
    jll = []
    for c in classes:
        Xc = X[y_train == c]
        mu, var = Xc.mean(axis=0), Xc.var(axis=0) + var_smoothing
        jll.append(np.log(len(Xc) / len(X)) - 0.5 * np.sum(np.log(2 * np.pi * var))
                   - 0.5 * np.sum((T - mu) ** 2 / var, axis=1))
    jll = np.array(jll).T
    m = jll.max(axis=1, keepdims=True)
    return jll - m - np.log(np.exp(jll - m).sum(axis=1, keepdims=True))
