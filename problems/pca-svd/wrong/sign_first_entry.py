"""Fixes the sign by making the first entry of each component positive, not the largest one."""
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    _, s, vt = np.linalg.svd(Xc, full_matrices=False)
    comps = vt[:n_components].copy()
    comps *= np.where(comps[:, 0] < 0, -1.0, 1.0)[:, None]
    return comps, s[:n_components] ** 2 / np.sum(s ** 2), Xc @ comps.T
