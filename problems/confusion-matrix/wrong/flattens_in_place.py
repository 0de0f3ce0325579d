"""Builds the flat index true * n_classes + pred in place in a widened view of y_true
(astype(np.int64, copy=False) does not copy int64 input): the matrix is right but the caller's y_true is
overwritten."""
import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    flat = np.asarray(y_true).astype(np.int64, copy=False)
    flat *= n_classes
    flat += np.asarray(y_pred).astype(np.int64)
    counts = np.bincount(flat, minlength=n_classes * n_classes)
    return counts.reshape(n_classes, n_classes).astype(np.int64)
