"""Maps the labels to +1/-1 with 2*y - 1 in the labels' own dtype: on unsigned labels a 0 becomes the
dtype's maximum instead of -1, so there are no negatives and the one-class rule returns 0.5. Otherwise a
correct binary-search count of wins and ties."""
import numpy as np


def roc_auc(y_true, scores):
    sign = 2 * np.asarray(y_true) - 1
    s = np.asarray(scores, dtype=np.float64)
    pos, neg = s[sign > 0], np.sort(s[sign < 0])
    if pos.size == 0 or neg.size == 0:
        return 0.5
    below = np.searchsorted(neg, pos, side="left")
    tied = np.searchsorted(neg, pos, side="right") - below
    return float((below.sum() + 0.5 * tied.sum()) / (pos.size * neg.size))
