"""Sorts the caller's arrays in place (scores[:] = scores[order]) to save memory, then computes the right
curve and AP: the values are correct but y_true and scores are modified."""
import numpy as np


def precision_recall_ap(y_true, scores):
    y = np.asarray(y_true)
    s = np.asarray(scores)
    order = np.argsort(s, kind="stable")[::-1]
    s[:] = s[order]
    y[:] = y[order]
    s_sorted = s.astype(np.float64)
    last = np.r_[np.flatnonzero(s_sorted[1:] != s_sorted[:-1]), s.size - 1]
    tp = np.cumsum(y == 1)[last]
    precision = tp / (last + 1)
    n_pos = int(tp[-1])
    recall = tp / n_pos if n_pos else np.zeros(tp.size)
    ap = float(np.sum(np.diff(recall, prepend=0.0) * precision))
    return precision, recall, s_sorted[last], ap
