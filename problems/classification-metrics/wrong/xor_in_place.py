"""Marks the disagreements in place with y_pred ^= y_true to avoid a temporary array: the metrics are right
but the caller's y_pred is modified."""
import numpy as np


def binary_metrics(y_true, y_pred):
    t, p = np.asarray(y_true), np.asarray(y_pred)
    tp = int(np.count_nonzero((t == 1) & (p == 1)))
    p ^= t                                       # 1 where prediction and truth disagree
    wrong = p == 1
    fp = int(np.count_nonzero(wrong & (t == 0)))
    fn = int(np.count_nonzero(wrong & (t == 1)))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
