"""Sorts y_true and scores together in place (scores[:] = scores[order]) to save memory, then computes a
correct Mann-Whitney AUC with average ranks: the value is right but the caller's arrays are modified."""
import numpy as np


def roc_auc(y_true, scores):
    y = np.asarray(y_true)
    s = np.asarray(scores)
    order = np.argsort(s, kind="stable")
    s[:] = s[order]
    y[:] = y[order]
    pos = y == 1
    n_pos = int(np.count_nonzero(pos))
    n_neg = y.size - n_pos
    if n_pos == 0 or n_neg == 0:
        return 0.5
    _, inverse, counts = np.unique(s, return_inverse=True, return_counts=True)
    last = np.cumsum(counts)
    avg_rank = last - (counts - 1) / 2.0
    rank_sum = float(avg_rank[inverse][pos].sum())
    return (rank_sum - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg)
