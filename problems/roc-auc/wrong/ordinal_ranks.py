"""Mann-Whitney with ordinal ranks from argsort().argsort(): tied scores get distinct ranks in whatever
order the sort left them, so ties are not counted as 1/2."""
import numpy as np


def roc_auc(y_true, scores):
    pos = np.asarray(y_true) == 1
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    if n_pos == 0 or n_neg == 0:
        return 0.5
    ranks = np.argsort(np.argsort(np.asarray(scores, dtype=float))) + 1
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))
