"""Independent candidate for problems/confusion-matrix: sort the samples by true class, then one bincount of
the predictions per true class (row by row) instead of a flattened 2-D index."""
import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    t = np.asarray(y_true).astype(np.int64)
    p = np.asarray(y_pred).astype(np.int64)
    order = np.argsort(t, kind="stable")
    t, p = t[order], p[order]
    bounds = np.searchsorted(t, np.arange(n_classes + 1))
    rows = [np.bincount(p[bounds[i]:bounds[i + 1]], minlength=n_classes) for i in range(n_classes)]
    return np.stack(rows).astype(np.int64)
