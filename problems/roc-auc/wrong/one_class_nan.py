"""Trapezoidal ROC over distinct thresholds, correct with ties, but no guard for a single class: it divides
by zero positives (or negatives) and returns nan."""
import numpy as np


def roc_auc(y_true, scores):
    y = (np.asarray(y_true) == 1).astype(float)
    s = np.asarray(scores, dtype=float)
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    cut = np.r_[np.nonzero(np.diff(s))[0], len(s) - 1]
    with np.errstate(all="ignore"):
        tpr = np.r_[0.0, np.cumsum(y)[cut]] / y.sum()
        fpr = np.r_[0.0, np.cumsum(1 - y)[cut]] / (1 - y).sum()
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
