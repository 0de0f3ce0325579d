"""Finds the errors from the difference y_pred - y_true in the inputs' own dtype (+1 = false positive,
-1 = false negative): on unsigned labels 0 - 1 wraps to the dtype's maximum, never equals -1, and every
false negative is lost. (Bools are first turned into int8 because bool subtraction raises.)"""
import numpy as np


def binary_metrics(y_true, y_pred):
    t, p = np.asarray(y_true), np.asarray(y_pred)
    if t.dtype == bool:
        t = t.astype(np.int8)
    if p.dtype == bool:
        p = p.astype(np.int8)
    diff = p - t
    tp = int(np.count_nonzero((t == 1) & (p == 1)))
    fp = int(np.count_nonzero(diff == 1))
    fn = int(np.count_nonzero(diff == -1))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
