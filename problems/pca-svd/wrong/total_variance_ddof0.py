"""Mixes sample and population statistics: the component variances use n - 1 (s^2 / (n - 1)) but the total
variance is Xc.var(axis=0).sum() with NumPy's default ddof=0, so every ratio is n / (n - 1) too large."""
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=np.float64)
    Xc = X - X.mean(axis=0)
    n = X.shape[0]
    _, s, vt = np.linalg.svd(Xc, full_matrices=False)
    comps = vt[:n_components].copy()
    pivot = comps[np.arange(n_components), np.argmax(np.abs(comps), axis=1)]
    comps *= np.where(pivot < 0, -1.0, 1.0)[:, None]
    explained_variance = s[:n_components] ** 2 / (n - 1)
    return comps, explained_variance / Xc.var(axis=0).sum(), Xc @ comps.T
