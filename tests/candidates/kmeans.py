"""Independent candidate for problems/kmeans: distances by the expansion |x|^2 - 2 x.c + |c|^2 (one
matrix product), centroid updates cluster by cluster with np.mean, convergence on unchanged labels."""
import numpy as np


def kmeans(X, k, init, max_iter=100):
    X = np.asarray(X, dtype=np.float64)
    C = np.asarray(init, dtype=np.float64).copy()
    x_sq = np.einsum("ij,ij->i", X, X)[:, None]
    prev = None
    for _ in range(max_iter):
        d = x_sq - 2.0 * X @ C.T + np.einsum("ij,ij->i", C, C)[None, :]
        lab = d.argmin(axis=1)
        if prev is not None and (lab == prev).all():
            break
        prev = lab
        for j in range(k):
            members = X[lab == j]
            if len(members):
                C[j] = members.mean(axis=0)
    return C, prev.astype(np.int64)
