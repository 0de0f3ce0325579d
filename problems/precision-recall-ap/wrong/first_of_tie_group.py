"""Groups tied scores but reads the counts at the FIRST sample of each tie group instead of the last: a
threshold then counts only one of its tied samples, so precision and recall lag behind inside a group."""
import numpy as np


def precision_recall_ap(y_true, scores):
    pos = np.asarray(y_true) == 1
    s = np.asarray(scores, dtype=np.float64)
    order = np.argsort(-s, kind="stable")
    s_sorted = s[order]
    first = np.r_[0, np.flatnonzero(s_sorted[1:] != s_sorted[:-1]) + 1]
    tp = np.cumsum(pos[order])[first]
    precision = tp / (first + 1)
    n_pos = int(pos.sum())
    recall = tp / n_pos if n_pos else np.zeros(tp.size)
    ap = float(np.sum(np.diff(recall, prepend=0.0) * precision))
    return precision, recall, s_sorted[first], ap
