"""Independent candidate for problems/roc-auc: sort the negatives' scores once and, for every positive,
binary-search how many negatives are strictly below it and how many tie with it (no ranks)."""
import numpy as np


def roc_auc(y_true, scores):
    y = np.asarray(y_true).astype(bool)
    s = np.asarray(scores).astype(np.float64)
    pos, neg = s[y], np.sort(s[~y])
    if pos.size == 0 or neg.size == 0:
        return 0.5
    below = np.searchsorted(neg, pos, side="left")
    below_or_tied = np.searchsorted(neg, pos, side="right")
    wins = below.sum(dtype=np.float64) + 0.5 * (below_or_tied - below).sum(dtype=np.float64)
    return float(wins / (float(pos.size) * float(neg.size)))
