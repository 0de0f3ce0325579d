import numpy as np


def pca(X: np.ndarray, n_components: int):
    X = np.asarray(X, dtype=np.float64)
    Xc = X - X.mean(axis=0)
    _, s, vt = np.linalg.svd(Xc, full_matrices=False)
    components = vt[:n_components].copy()
    # Deterministic sign: the entry of largest absolute value in each component is positive.
    pivot = components[np.arange(n_components), np.argmax(np.abs(components), axis=1)]
    components *= np.where(pivot < 0, -1.0, 1.0)[:, None]
    variances = s ** 2  # proportional to the variances; the factor 1/(n-1) cancels in the ratio
    ratio = variances[:n_components] / variances.sum()
    projected = Xc @ components.T
    return components, ratio, projected
