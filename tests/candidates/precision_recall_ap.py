"""Independent candidate for problems/precision-recall-ap: np.unique on the scores (exact equality, in the
input's dtype) gives the distinct thresholds and each sample's group; bincount counts samples and positives
per group, reversed cumulative sums give TP and predicted-positive counts per threshold."""
import numpy as np


def precision_recall_ap(y_true, scores):
    y = np.asarray(y_true).astype(np.int64)
    s = np.asarray(scores)
    vals, inv = np.unique(s, return_inverse=True)   # ascending distinct scores
    inv = inv.ravel()
    m = len(vals)
    n_grp = np.bincount(inv, minlength=m)[::-1]
    pos_grp = np.bincount(inv, weights=(y == 1).astype(np.float64), minlength=m)[::-1]
    tp = np.cumsum(pos_grp)
    pp = np.cumsum(n_grp).astype(np.float64)
    n_pos = float((y == 1).sum())
    thresholds = vals[::-1].astype(np.float64)
    if n_pos == 0:
        z = np.zeros(m)
        return z, z.copy(), thresholds, 0.0
    precision = tp / pp
    recall = tp / n_pos
    ap = float(np.sum(np.diff(np.concatenate([[0.0], recall])) * precision))
    return precision, recall, thresholds, ap
