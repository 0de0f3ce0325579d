"""Divides each kept variance by the sum of the kept variances only, not by the total variance."""
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    _, s, vt = np.linalg.svd(Xc, full_matrices=False)
    comps = vt[:n_components].copy()
    pivot = comps[np.arange(n_components), np.argmax(np.abs(comps), axis=1)]
    comps *= np.sign(pivot)[:, None]
    var = s[:n_components] ** 2 / (len(X) - 1)
    return comps, var / var.sum(), Xc @ comps.T
