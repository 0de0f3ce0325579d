"""Returns the rows of V^T with whatever sign LAPACK happened to give them."""
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    _, s, vt = np.linalg.svd(Xc, full_matrices=False)
    comps = vt[:n_components]
    return comps, s[:n_components] ** 2 / np.sum(s ** 2), Xc @ comps.T
