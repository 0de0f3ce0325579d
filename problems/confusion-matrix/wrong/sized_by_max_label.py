"""Sizes the matrix by the largest label seen instead of n_classes, so absent trailing classes are lost."""
import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    t = np.asarray(y_true, dtype=np.int64)
    p = np.asarray(y_pred, dtype=np.int64)
    size = int(max(t.max(initial=-1), p.max(initial=-1))) + 1
    cm = np.zeros((size, size), dtype=np.int64)
    np.add.at(cm, (t, p), 1)
    return cm
