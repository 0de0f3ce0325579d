"""Ports scikit-learn's `-sum(diff(recall) * precision[:-1])` to a curve in decreasing threshold order:
each recall step is weighted by the precision of the previous threshold (the first step by 1.0) instead of
the precision at the threshold where recall rises."""
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
    ap = float(np.sum(np.diff(recall, prepend=0.0) * np.r_[1.0, precision[:-1]]))
    return precision, recall, s_sorted[last], ap
