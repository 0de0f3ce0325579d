"""Finds the threshold boundaries of the descending-sorted scores with np.diff(s) < 0 in the scores' own
dtype: on unsigned scores every difference wraps to a positive number (all scores look tied, AUC 0.5), and
on small signed dtypes a gap wider than the dtype's range wraps too. Otherwise the trapezoidal ROC is correct."""
import numpy as np


def roc_auc(y_true, scores):
    y = np.asarray(y_true) == 1
    s = np.asarray(scores)
    n_pos = int(np.count_nonzero(y))
    n_neg = y.size - n_pos
    if n_pos == 0 or n_neg == 0:
        return 0.5
    order = np.argsort(s, kind="stable")[::-1]     # descending
    s_sorted, y_sorted = s[order], y[order]
    cut = np.r_[np.nonzero(np.diff(s_sorted) < 0)[0], y.size - 1]
    tps = np.cumsum(y_sorted)[cut].astype(np.float64)
    fps = (cut + 1) - tps
    tpr = np.r_[0.0, tps] / n_pos
    fpr = np.r_[0.0, fps] / n_neg
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
