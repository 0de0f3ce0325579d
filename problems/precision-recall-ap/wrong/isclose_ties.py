"""Treats scores as tied when np.isclose says so (rtol 1e-5, atol 1e-8) instead of exact equality: nearly
equal but distinct scores are merged into one threshold."""
import numpy as np


def precision_recall_ap(y_true, scores):
    pos = np.asarray(y_true) == 1
    s = np.asarray(scores, dtype=np.float64)
    order = np.argsort(-s, kind="stable")
    s_sorted = s[order]
    last = np.r_[np.flatnonzero(~np.isclose(s_sorted[1:], s_sorted[:-1])), s.size - 1]
    tp = np.cumsum(pos[order])[last]
    precision = tp / (last + 1)
    n_pos = int(pos.sum())
    recall = tp / n_pos if n_pos else np.zeros(tp.size)
    ap = float(np.sum(np.diff(recall, prepend=0.0) * precision))
    return precision, recall, s_sorted[last], ap
