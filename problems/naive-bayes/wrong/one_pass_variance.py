"""Computes each variance in one pass as mean(x^2) - mean(x)^2: with features around 1e8 and a standard
deviation around 1, the two terms agree in every digit and the variance is rounding noise (or negative)."""
import numpy as np


def gaussian_nb_log_posterior(X_train, y_train, X_test, var_smoothing=1e-9):
    X = np.asarray(X_train, dtype=float)
    T = np.asarray(X_test, dtype=float)
    classes = np.unique(y_train)
    eps = var_smoothing * ((X ** 2).mean(axis=0) - X.mean(axis=0) ** 2).max()
    jll = []
    for c in classes:
        Xc = X[y_train == c]
        mu = Xc.mean(axis=0)
        var = (Xc ** 2).mean(axis=0) - mu ** 2 + eps
        with np.errstate(divide="ignore", invalid="ignore"):
            jll.append(np.log(len(Xc) / len(X)) - 0.5 * np.sum(np.log(2 * np.pi * var))
                       - 0.5 * np.sum((T - mu) ** 2 / var, axis=1))
    jll = np.array(jll).T
    m = jll.max(axis=1, keepdims=True)
    with np.errstate(invalid="ignore"):
        return jll - m - np.log(np.exp(jll - m).sum(axis=1, keepdims=True))
