"""Counts with dot products in the input dtype: with int8 labels, more than 127 positives overflow."""
import numpy as np


def binary_metrics(y_true, y_pred):
    t, p = np.asarray(y_true), np.asarray(y_pred)
    tp = int(t @ p)
    pred_pos = int(p @ p)
    true_pos = int(t @ t)
    precision = tp / pred_pos if pred_pos else 0.0
    recall = tp / true_pos if true_pos else 0.0
    f1 = 2 * tp / (pred_pos + true_pos) if pred_pos + true_pos else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
