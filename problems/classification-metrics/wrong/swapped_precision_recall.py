"""Swaps precision and recall: divides TP by the actual positives for 'precision' and by the predicted
positives for 'recall'."""
import numpy as np


def binary_metrics(y_true, y_pred):
    t, p = np.asarray(y_true) == 1, np.asarray(y_pred) == 1
    tp = np.sum(t & p)
    precision = tp / t.sum() if t.sum() else 0.0
    recall = tp / p.sum() if p.sum() else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": float(precision), "recall": float(recall), "f1": float(f1)}
