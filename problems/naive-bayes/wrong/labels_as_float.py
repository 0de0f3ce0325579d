"""Converts y_train to float64 with the features: int64 labels beyond 2**53 (2**53 and 2**53 + 1) collapse
into one class, so the output has too few columns."""
import numpy as np


def gaussian_nb_log_posterior(X_train, y_train, X_test, var_smoothing=1e-9):
    X = np.asarray(X_train, dtype=float)
    T = np.asarray(X_test, dtype=float)
    y = np.asarray(y_train, dtype=float)
    eps = var_smoothing * X.var(axis=0).max()
    jll = []
    for c in np.unique(y):
        Xc = X[y == c]
        mu, var = Xc.mean(axis=0), Xc.var(axis=0) + eps
        jll.append(np.log(len(Xc) / len(X)) - 0.5 * np.log(2 * np.pi * var).sum()
                   - 0.5 * (((T - mu) ** 2) / var).sum(axis=1))
    jll = np.array(jll).T
    top = jll.max(axis=1, keepdims=True)
    return jll - top - np.log(np.exp(jll - top).sum(axis=1, keepdims=True))
