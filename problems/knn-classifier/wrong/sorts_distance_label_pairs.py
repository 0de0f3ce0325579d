"""Sorts (distance, label) tuples: a distance tie at the k-th place goes to the smaller LABEL, not to the
lower training index."""
import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    X_train = np.asarray(X_train, dtype=np.float64)
    X_test = np.asarray(X_test, dtype=np.float64)
    labels = np.asarray(y_train).tolist()
    out = np.empty(len(X_test), dtype=np.int64)
    for i, q in enumerate(X_test):
        d2 = ((X_train - q) ** 2).sum(axis=1).tolist()
        chosen = [lab for _, lab in sorted(zip(d2, labels))[:k]]
        counts = {}
        for lab in chosen:
            counts[lab] = counts.get(lab, 0) + 1
        best = max(counts.values())
        out[i] = min(lab for lab, c in counts.items() if c == best)
    return out
