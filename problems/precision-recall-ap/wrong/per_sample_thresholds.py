"""Uses every sample as its own threshold (a cumulative sum over the sorted samples, no grouping of tied
scores): the curve has n points instead of one per distinct score, and the within-tie order leaks into AP."""
import numpy as np


def precision_recall_ap(y_true, scores):
    pos = np.asarray(y_true) == 1
    s = np.asarray(scores, dtype=np.float64)
    order = np.argsort(-s, kind="stable")
    tp = np.cumsum(pos[order])
    precision = tp / np.arange(1, s.size + 1)
    n_pos = int(pos.sum())
    recall = tp / n_pos if n_pos else np.zeros(s.size)
    ap = float(np.sum(np.diff(recall, prepend=0.0) * precision))
    return precision, recall, s[order], ap
