"""Vectorised per feature, but picks np.argmin of the float impurities and compares features with a strict
`<`, ignoring the 1e-12 tie tolerance: an exact tie that rounds lower for a later split goes to the later one."""
import numpy as np


def best_split(X, y):
    X = np.asarray(X, dtype=np.float64)
    _, codes = np.unique(np.asarray(y), return_inverse=True)
    codes = codes.reshape(-1)
    n, d = X.shape
    onehot = np.eye(codes.max() + 1)[codes]
    total = onehot.sum(axis=0)
    best = (-1, 0.0, 1.0 - float(total @ total) / n ** 2)
    best_g = np.inf
    for j in range(d):
        order = np.argsort(X[:, j], kind="stable")
        xs = X[order, j]
        cut = np.nonzero(xs[:-1] < xs[1:])[0]
        if cut.size == 0:
            continue
        left = np.cumsum(onehot[order], axis=0)[cut]
        right = total - left
        n_left = (cut + 1.0)[:, None]
        n_right = n - n_left
        g_left = 1.0 - ((left / n_left) ** 2).sum(axis=1)
        g_right = 1.0 - ((right / n_right) ** 2).sum(axis=1)
        g = n_left[:, 0] / n * g_left + n_right[:, 0] / n * g_right
        i = int(np.argmin(g))
        if g[i] < best_g:
            best_g = g[i]
            best = (j, float((xs[cut[i]] + xs[cut[i] + 1]) / 2), float(g[i]))
    return best
