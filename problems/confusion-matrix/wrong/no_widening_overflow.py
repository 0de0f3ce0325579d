"""Flattens (true, pred) to true * n_classes + pred in the input dtype: small unsigned dtypes wrap around."""
import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    t, p = np.asarray(y_true), np.asarray(y_pred)
    flat = t * n_classes + p
    return np.bincount(flat, minlength=n_classes * n_classes)[: n_classes * n_classes].reshape(
        n_classes, n_classes).astype(np.int64)
