"""Fixes the sign with np.argmax(component) instead of np.argmax(abs(component)): the largest signed entry
is positive whenever any entry is, so a component whose largest-magnitude entry is negative is not flipped."""
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=np.float64)
    Xc = X - X.mean(axis=0)
    _, s, vt = np.linalg.svd(Xc, full_matrices=False)
    comps = vt[:n_components].copy()
    pivot = comps[np.arange(n_components), np.argmax(comps, axis=1)]
    comps *= np.where(pivot < 0, -1.0, 1.0)[:, None]
    return comps, s[:n_components] ** 2 / np.sum(s ** 2), Xc @ comps.T
