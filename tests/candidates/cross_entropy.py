import math

import numpy as np


def cross_entropy(logits, targets):
    rows = np.asarray(logits, dtype=np.float64).tolist()
    labels = [int(t) for t in np.asarray(targets).ravel()]
    total = 0.0
    for row, t in zip(rows, labels):
        top = max(row)
        lse = top + math.log(math.fsum(math.exp(v - top) for v in row))
        total += lse - row[t]
    return total / len(rows)
