"""Widens y_true to int64 but adds y_pred in its own dtype: uint64 predictions promote int64 + uint64 to
float64, and np.bincount refuses float indices."""
import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    flat = np.asarray(y_true).astype(np.int64) * n_classes + np.asarray(y_pred)
    counts = np.bincount(flat, minlength=n_classes * n_classes)
    return counts.reshape(n_classes, n_classes).astype(np.int64)
