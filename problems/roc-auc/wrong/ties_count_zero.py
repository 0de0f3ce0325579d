"""Counts a positive/negative pair only when the positive scores strictly higher: tied pairs add 0, not 1/2."""
import numpy as np


def roc_auc(y_true, scores):
    pos = np.asarray(y_true) == 1
    s = np.asarray(scores, dtype=float)
    neg_sorted = np.sort(s[~pos])
    if pos.sum() == 0 or neg_sorted.size == 0:
        return 0.5
    below = np.searchsorted(neg_sorted, s[pos], side="left")  # negatives strictly below each positive
    return float(below.sum() / (pos.sum() * neg_sorted.size))
