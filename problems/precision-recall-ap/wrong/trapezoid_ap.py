"""Computes AP as the trapezoidal area under the precision-recall curve (np.trapz-style, starting at
recall 0 with the first precision) instead of the step sum of (R_n - R_{n-1}) * P_n. The curve is correct."""
import numpy as np


def precision_recall_ap(y_true, scores):
    pos = np.asarray(y_true) == 1
    s = np.asarray(scores, dtype=np.float64)
    order = np.argsort(-s, kind="stable")
    s_sorted = s[order]
    last = np.r_[np.flatnonzero(s_sorted[1:] != s_sorted[:-1]), s.size - 1]
    tp = np.cumsum(pos[order])[last]
    precision = tp / (last + 1)
    n_pos = int(pos.sum())
    recall = tp / n_pos if n_pos else np.zeros(tp.size)
    r = np.r_[0.0, recall]
    p = np.r_[precision[0], precision]
    ap = float(np.sum(np.diff(r) * (p[1:] + p[:-1]) / 2))
    return precision, recall, s_sorted[last], ap
