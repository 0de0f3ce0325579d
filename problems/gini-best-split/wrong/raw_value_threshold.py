"""Uses the raw feature value (the left neighbour) as the threshold instead of the midpoint.
(Vectorised like the reference, so that only this mistake is wrong and the verdict does not depend on the
host's load.)"""
import numpy as np


def best_split(X, y):
    X = np.asarray(X, dtype=np.float64)
    _, codes = np.unique(np.asarray(y), return_inverse=True)
    codes = codes.reshape(-1)
    n, d = X.shape
    onehot = np.eye(codes.max() + 1, dtype=np.int64)[codes]
    total = onehot.sum(axis=0)
    parent = 1.0 - float(np.sum(total.astype(np.float64) ** 2)) / n ** 2
    best = None
    for j in range(d):
        order = np.argsort(X[:, j], kind="stable")
        xs = X[order, j]
        cut = np.nonzero(xs[:-1] < xs[1:])[0]
        if cut.size == 0:
            continue
        left = np.cumsum(onehot[order], axis=0)[cut].astype(np.float64)
        right = total - left
        n_left = cut + 1.0
        n_right = n - n_left
        impurity = (n - (left ** 2).sum(axis=1) / n_left - (right ** 2).sum(axis=1) / n_right) / n
        i = int(np.argmin(impurity))
        i = int(np.nonzero(impurity <= impurity[i] + 1e-12)[0][0])
        if best is None or impurity[i] < best[0] - 1e-12:
            best = (float(impurity[i]), j, float(xs[cut[i]]))
    if best is None:
        return (-1, 0.0, parent)
    return (best[1], best[2], best[0])
