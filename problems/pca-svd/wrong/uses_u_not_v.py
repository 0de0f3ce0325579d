"""Confuses the SVD factors: takes the principal axes from the columns of U (sample space) instead of V."""
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    u, s, _ = np.linalg.svd(Xc, full_matrices=False)
    comps = u[:, :n_components].T.copy()
    pivot = comps[np.arange(n_components), np.argmax(np.abs(comps), axis=1)]
    comps *= np.sign(pivot)[:, None]
    return comps, s[:n_components] ** 2 / np.sum(s ** 2), u[:, :n_components] * s[:n_components]
