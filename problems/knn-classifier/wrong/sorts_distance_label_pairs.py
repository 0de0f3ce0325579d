"""Sorts by (distance, label): a distance tie at the k-th place goes to the smaller LABEL, not to the
lower training index. (NumPy inside the loop over test rows, so that only this mistake is wrong and the
verdict does not depend on the host's load.)"""
import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    X_train = np.asarray(X_train, dtype=np.float64)
    X_test = np.asarray(X_test, dtype=np.float64)
    labels = np.asarray(y_train).astype(np.int64)
    out = np.empty(len(X_test), dtype=np.int64)
    for i, q in enumerate(X_test):
        d2 = ((X_train - q) ** 2).sum(axis=1)
        chosen = labels[np.lexsort((labels, d2))[:k]]
        values, counts = np.unique(chosen, return_counts=True)
        out[i] = values[np.argmax(counts)]  # np.unique sorts: the smallest label among the most voted
    return out
