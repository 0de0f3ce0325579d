"""Correct curve and AP, but no guard for a y_true without positives: recall is 0/0 = nan."""
import numpy as np


def precision_recall_ap(y_true, scores):
    pos = np.asarray(y_true) == 1
    s = np.asarray(scores, dtype=np.float64)
    order = np.argsort(-s, kind="stable")
    s_sorted = s[order]
    last = np.r_[np.flatnonzero(s_sorted[1:] != s_sorted[:-1]), s.size - 1]
    tp = np.cumsum(pos[order])[last].astype(np.float64)
    precision = tp / (last + 1)
    with np.errstate(all="ignore"):
        recall = tp / pos.sum()
    ap = float(np.sum(np.diff(recall, prepend=0.0) * precision))
    return precision, recall, s_sorted[last], ap
