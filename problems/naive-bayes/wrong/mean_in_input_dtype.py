"""Computes the class means as X_c.sum(axis=0) / n_c on the raw array: for int64 and uint64 inputs near
the dtype's limits the sum wraps around before the division (X is only converted to float afterwards)."""
import numpy as np


def gaussian_nb_log_posterior(X_train, y_train, X_test, var_smoothing=1e-9):
    classes = np.unique(y_train)
    Xf = np.asarray(X_train, dtype=float)
    T = np.asarray(X_test, dtype=float)
    eps = var_smoothing * Xf.var(axis=0).max()
    jll = []
    for c in classes:
        rows = y_train == c
        with np.errstate(over="ignore"):
            mu = X_train[rows].sum(axis=0) / rows.sum()
        var = ((Xf[rows] - mu) ** 2).mean(axis=0) + eps
        jll.append(np.log(rows.sum() / len(Xf)) - 0.5 * np.sum(np.log(2 * np.pi * var))
                   - 0.5 * np.sum((T - mu) ** 2 / var, axis=1))
    jll = np.array(jll).T
    m = jll.max(axis=1, keepdims=True)
    return jll - m - np.log(np.exp(jll - m).sum(axis=1, keepdims=True))
