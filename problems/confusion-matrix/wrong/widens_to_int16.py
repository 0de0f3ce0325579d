"""Widens the labels to int16 ("labels below 300 fit"), but the flat index true * n_classes + pred reaches
n_classes**2 - 1 (89,999 for 300 classes), which wraps around in int16 (negative or wrong bins)."""
import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    t = np.asarray(y_true).astype(np.int16)
    p = np.asarray(y_pred).astype(np.int16)
    flat = t * np.int16(n_classes) + p
    counts = np.bincount(flat, minlength=n_classes * n_classes)
    return counts[: n_classes * n_classes].reshape(n_classes, n_classes).astype(np.int64)
