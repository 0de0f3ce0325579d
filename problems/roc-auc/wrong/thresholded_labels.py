"""Thresholds the scores at 0.5 and computes the AUC of the resulting hard 0/1 predictions."""
import numpy as np


def roc_auc(y_true, scores):
    pos = np.asarray(y_true) == 1
    pred = (np.asarray(scores, dtype=float) >= 0.5).astype(float)
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    if n_pos == 0 or n_neg == 0:
        return 0.5
    tpr = pred[pos].mean()
    fpr = pred[~pos].mean()
    return float((1 + tpr - fpr) / 2)
