"""Centres the data in place (X -= mean) after np.asarray(X, dtype=float): for float64 input that is the
caller's array, which the statement says not to modify (the returned values are right)."""
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=np.float64)            # no copy for float64 input
    X -= X.mean(axis=0)
    _, s, vt = np.linalg.svd(X, full_matrices=False)
    comps = vt[:n_components].copy()
    pivot = comps[np.arange(n_components), np.argmax(np.abs(comps), axis=1)]
    comps *= np.where(pivot < 0, -1.0, 1.0)[:, None]
    return comps, s[:n_components] ** 2 / np.sum(s ** 2), X @ comps.T
