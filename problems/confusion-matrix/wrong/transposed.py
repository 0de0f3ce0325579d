"""Rows indexed by the predicted class and columns by the true class (the transpose)."""
import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    cm = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(cm, (np.asarray(y_pred, dtype=np.int64), np.asarray(y_true, dtype=np.int64)), 1)
    return cm
