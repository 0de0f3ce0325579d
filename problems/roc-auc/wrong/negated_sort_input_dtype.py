"""Sorts by descending score with argsort(-scores) in the scores' own dtype: on unsigned scores -0 stays 0
while -5 becomes 251, so a score of 0 jumps to the top; on signed scores -(min) wraps back to min. The
trapezoidal ROC over distinct thresholds is otherwise correct (ties 1/2, one class 0.5)."""
import numpy as np


def roc_auc(y_true, scores):
    y = np.asarray(y_true) == 1
    s = np.asarray(scores)
    n_pos = int(np.count_nonzero(y))
    n_neg = y.size - n_pos
    if n_pos == 0 or n_neg == 0:
        return 0.5
    order = np.argsort(-s, kind="stable")          # descending, in the input dtype
    s_sorted, y_sorted = s[order], y[order]
    cut = np.r_[np.nonzero(s_sorted[1:] != s_sorted[:-1])[0], y.size - 1]
    tps = np.cumsum(y_sorted)[cut].astype(np.float64)
    fps = (cut + 1) - tps
    tpr = np.r_[0.0, tps] / n_pos
    fpr = np.r_[0.0, fps] / n_neg
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
