"""Independent candidate for gini-best-split: sorts each feature once and sweeps the threshold from left
to right with plain-Python running class counts (dicts), scoring n*G_split = n_L - sum c_L^2/n_L + ..."""
import numpy as np


def best_split(X, y):
    X = np.asarray(X, dtype=np.float64)
    labels = np.asarray(y).tolist()
    n, d = X.shape
    total = {}
    for lab in labels:
        total[lab] = total.get(lab, 0) + 1
    parent = 1.0 - sum((c / n) ** 2 for c in total.values())
    best = None
    for j in range(d):
        col = X[:, j].tolist()
        order = sorted(range(n), key=col.__getitem__)
        left = {lab: 0 for lab in total}
        sq_left, sq_right = 0, sum(c * c for c in total.values())
        for pos in range(n - 1):
            i = order[pos]
            lab = labels[i]
            cl = left[lab]
            cr = total[lab] - cl
            sq_left += 2 * cl + 1               # (cl+1)^2 - cl^2
            sq_right -= 2 * cr - 1              # (cr-1)^2 - cr^2
            left[lab] = cl + 1
            a, b = col[i], col[order[pos + 1]]
            if a == b:
                continue
            n_left = pos + 1
            score = (n - sq_left / n_left - sq_right / (n - n_left)) / n
            if best is None or score < best[0] - 1e-12:
                best = (score, j, (a + b) / 2)
    if best is None:
        return -1, 0.0, parent
    return best[1], best[2], best[0]
