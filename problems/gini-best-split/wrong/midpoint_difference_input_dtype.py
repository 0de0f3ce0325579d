"""Takes the "overflow-safe" midpoint v_r + (v_{r+1} - v_r) / 2, but with the difference in the input's own
integer dtype: across zero it wraps (int8: 100 - (-100) = -56), so the threshold lands below v_r."""
import numpy as np


def best_split(X, y):
    X = np.asarray(X)                                              # keeps an integer dtype
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
        impurity = (n - (left ** 2).sum(axis=1) / n_left - (right ** 2).sum(axis=1) / (n - n_left)) / n
        i = int(np.argmin(impurity))
        i = int(np.nonzero(impurity <= impurity[i] + 1e-12)[0][0])
        if best is None or impurity[i] < best[0] - 1e-12:
            best = (float(impurity[i]), j, float(xs[cut[i]] + (xs[cut[i] + 1] - xs[cut[i]]) / 2))   # difference in X's dtype
    if best is None:
        return (-1, 0.0, parent)
    return (best[1], best[2], best[0])
