"""Treats scores as tied when np.isclose says so (rtol 1e-5, atol 1e-8) instead of exact equality: nearly
equal but distinct scores are merged into one threshold and their pairs count 1/2."""
import numpy as np


def roc_auc(y_true, scores):
    y = np.asarray(y_true) == 1
    s = np.asarray(scores, dtype=np.float64)
    n_pos = int(np.count_nonzero(y))
    n_neg = y.size - n_pos
    if n_pos == 0 or n_neg == 0:
        return 0.5
    order = np.argsort(-s, kind="stable")
    s_sorted, y_sorted = s[order], y[order]
    cut = np.r_[np.nonzero(~np.isclose(s_sorted[1:], s_sorted[:-1]))[0], y.size - 1]
    tps = np.cumsum(y_sorted)[cut].astype(np.float64)
    fps = (cut + 1) - tps
    tpr = np.r_[0.0, tps] / n_pos
    fpr = np.r_[0.0, fps] / n_neg
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
