import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    t = np.asarray(y_true).astype(np.int64)  # widen first: t * n_classes must not overflow a small dtype
    p = np.asarray(y_pred).astype(np.int64)
    counts = np.bincount(t * n_classes + p, minlength=n_classes * n_classes)
    return counts.reshape(n_classes, n_classes).astype(np.int64)
