"""Takes the SVD of X itself instead of the centred data (and projects the raw X)."""
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    _, s, vt = np.linalg.svd(X, full_matrices=False)
    comps = vt[:n_components].copy()
    pivot = comps[np.arange(n_components), np.argmax(np.abs(comps), axis=1)]
    comps *= np.sign(pivot)[:, None]
    return comps, s[:n_components] ** 2 / np.sum(s ** 2), X @ comps.T
