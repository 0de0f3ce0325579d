import numpy as np


def precision_recall_ap(y_true, scores):
    pos = np.asarray(y_true) == 1
    s = np.asarray(scores, dtype=np.float64)       # exact: integer scores are at most 2**53
    order = np.argsort(s, kind="stable")[::-1]      # decreasing; the order inside a tie group is irrelevant
    s_sorted, pos_sorted = s[order], pos[order]
    # The last sample of each tie group closes a threshold: everything up to it is predicted positive.
    last = np.r_[np.flatnonzero(s_sorted[1:] != s_sorted[:-1]), s.size - 1]
    tp = np.cumsum(pos_sorted, dtype=np.int64)[last]
    predicted = last + 1
    n_pos = int(tp[-1])
    precision = tp / predicted
    recall = tp / n_pos if n_pos else np.zeros(tp.size)
    ap = float(np.sum(np.diff(recall, prepend=0.0) * precision))
    return precision, recall, s_sorted[last], ap
