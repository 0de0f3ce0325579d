"""Independent candidate for knn-classifier: one query at a time, squared distances from explicit
differences, neighbours by np.lexsort on (distance, index), and a dictionary vote."""
import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    B = np.asarray(X_train, dtype=np.float64)
    y = np.asarray(y_train).tolist()
    idx = np.arange(B.shape[0])
    preds = []
    for q in np.asarray(X_test, dtype=np.float64):
        diff = B - q
        dist = np.einsum("ij,ij->i", diff, diff)
        order = np.lexsort((idx, dist))[:k]
        counts = {}
        for j in order.tolist():
            counts[y[j]] = counts.get(y[j], 0) + 1
        best = max(counts.values())
        preds.append(min(lab for lab, c in counts.items() if c == best))
    return np.array(preds, dtype=np.int64)
