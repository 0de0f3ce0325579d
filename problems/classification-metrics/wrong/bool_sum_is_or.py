"""Counts true positives as the samples where y_true + y_pred == 2: right for integer labels, but for two
bool arrays + is a logical OR (True + True is True, never 2), so TP is 0."""
import numpy as np


def binary_metrics(y_true, y_pred):
    t, p = np.asarray(y_true), np.asarray(y_pred)
    tp = int(np.count_nonzero(t + p == 2))
    pred_pos = int(np.count_nonzero(p == 1))
    true_pos = int(np.count_nonzero(t == 1))
    fp, fn = pred_pos - tp, true_pos - tp
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
