"""Builds the covariance from raw moments, (X^T X - n mean mean^T) / (n - 1), with X^T X computed in the
input's own dtype: for integer X the products overflow and wrap (int8: 100 * 100 does not fit)."""
import numpy as np


def pca(X, n_components):
    X = np.asarray(X)
    n = X.shape[0]
    mean = X.mean(axis=0)
    cov = ((X.T @ X).astype(np.float64) - n * np.outer(mean, mean)) / (n - 1)   # X.T @ X in X's dtype
    vals, vecs = np.linalg.eigh(cov)
    order = np.argsort(vals)[::-1]
    comps = vecs[:, order[:n_components]].T.copy()
    pivot = comps[np.arange(n_components), np.argmax(np.abs(comps), axis=1)]
    comps *= np.where(pivot < 0, -1.0, 1.0)[:, None]
    ratio = vals[order[:n_components]] / np.trace(cov)
    return comps, ratio, (X - mean) @ comps.T
