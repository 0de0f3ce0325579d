"""Drops the class prior (as if every class were equally frequent): the posteriors are wrong whenever the
classes have different sizes."""
import numpy as np


def gaussian_nb_log_posterior(X_train, y_train, X_test, var_smoothing=1e-9):
    X = np.asarray(X_train, dtype=float)
    T = np.asarray(X_test, dtype=float)
    classes = np.unique(y_train)
    eps = var_smoothing * X.var(axis=0).max()
    jll = []
    for c in classes:
        Xc = X[y_train == c]
        mu, var = Xc.mean(axis=0), Xc.var(axis=0) + eps
        jll.append(-0.5 * np.sum(np.log(2 * np.pi * var)) - 0.5 * np.sum((T - mu) ** 2 / var, axis=1))
    jll = np.array(jll).T
    m = jll.max(axis=1, keepdims=True)
    return jll - m - np.log(np.exp(jll - m).sum(axis=1, keepdims=True))
