"""Orders the classes by first appearance in y_train (a dict / pandas.unique habit) instead of sorting the
unique labels: the columns come out permuted when y_train does not start with its smallest label."""
import numpy as np


def gaussian_nb_log_posterior(X_train, y_train, X_test, var_smoothing=1e-9):
    X = np.asarray(X_train, dtype=float)
    T = np.asarray(X_test, dtype=float)
    classes = list(dict.fromkeys(y_train.tolist()))
    eps = var_smoothing * X.var(axis=0).max()
    jll = []
    for c in classes:
        Xc = X[y_train == c]
        mu, var = Xc.mean(axis=0), Xc.var(axis=0) + eps
        jll.append(np.log(len(Xc) / len(X)) - 0.5 * np.sum(np.log(2 * np.pi * var))
                   - 0.5 * np.sum((T - mu) ** 2 / var, axis=1))
    jll = np.array(jll).T
    m = jll.max(axis=1, keepdims=True)
    return jll - m - np.log(np.exp(jll - m).sum(axis=1, keepdims=True))
