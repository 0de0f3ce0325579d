"""Minimises the weighted entropy of the children (information gain) instead of the weighted Gini.
(Vectorised like the reference, so that only the criterion is wrong: it is rejected by a wrong answer
however busy the host is.)"""
import numpy as np


def _entropy_rows(counts, sizes):
    p = counts / sizes[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(p > 0, p * np.log2(np.where(p > 0, p, 1.0)), 0.0)
    return -terms.sum(axis=1)


def best_split(X, y):
    X = np.asarray(X, dtype=float)
    _, codes = np.unique(np.asarray(y), return_inverse=True)
    codes = codes.reshape(-1)
    n, d = X.shape
    onehot = np.eye(codes.max() + 1, dtype=np.int64)[codes]
    total = onehot.sum(axis=0).astype(float)
    best = None
    for j in range(d):
        order = np.argsort(X[:, j], kind="stable")
        xs = X[order, j]
        cut = np.nonzero(xs[:-1] < xs[1:])[0]
        if cut.size == 0:
            continue
        left = np.cumsum(onehot[order], axis=0)[cut].astype(float)
        right = total - left
        n_left = cut + 1.0
        n_right = n - n_left
        h = (n_left * _entropy_rows(left, n_left) + n_right * _entropy_rows(right, n_right)) / n
        i = int(np.argmin(h))
        if best is None or h[i] < best[0] - 1e-12:
            best = (float(h[i]), j, float((xs[cut[i]] + xs[cut[i] + 1]) / 2))
    if best is None:
        return (-1, 0.0, float(_entropy_rows(total[None, :], np.array([float(n)]))[0]))
    return (best[1], best[2], best[0])
