"""Independent candidate for problems/classification-metrics: one bincount over 2*true + pred gives the
four cells of the 2x2 confusion matrix; F1 as the harmonic mean of precision and recall."""
import numpy as np


def binary_metrics(y_true, y_pred):
    t = np.asarray(y_true).astype(np.int64)
    p = np.asarray(y_pred).astype(np.int64)
    tn, fp, fn, tp = (int(c) for c in np.bincount(2 * t + p, minlength=4))
    precision = tp / (tp + fp) if (tp + fp) > 0 else 0.0
    recall = tp / (tp + fn) if (tp + fn) > 0 else 0.0
    f1 = 2 * precision * recall / (precision + recall) if (precision + recall) > 0 else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
