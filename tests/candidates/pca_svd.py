"""Independent candidate for pca-svd: eigendecomposition (eigh) of the n-1 sample covariance, no SVD."""
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    Xc = X - X.sum(axis=0) / n
    cov = Xc.T @ Xc / (n - 1)
    vals, vecs = np.linalg.eigh(cov)            # ascending
    order = np.argsort(vals)[::-1][:n_components]
    comps = vecs[:, order].T.copy()
    for i in range(n_components):
        j = int(np.argmax(np.abs(comps[i])))
        if comps[i, j] < 0:
            comps[i] = -comps[i]
    ratio = vals[order] / np.trace(cov)
    return comps, ratio, Xc @ comps.T
