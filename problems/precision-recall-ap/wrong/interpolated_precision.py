"""Pascal-VOC style interpolated AP: weights each recall step by the best precision at that or any lower
threshold (a running maximum from the right) instead of the precision at the threshold itself."""
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
    interpolated = np.maximum.accumulate(precision[::-1])[::-1]
    ap = float(np.sum(np.diff(recall, prepend=0.0) * interpolated))
    return precision, recall, s_sorted[last], ap
