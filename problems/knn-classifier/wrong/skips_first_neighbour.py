"""Drops the nearest neighbour (argsort[1:k+1]), as if every query were a training point matching itself."""
import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    X_train = np.asarray(X_train, float)
    X_test = np.asarray(X_test, float)
    out = np.empty(len(X_test), dtype=np.int64)
    for i, q in enumerate(X_test):
        d2 = ((X_train - q) ** 2).sum(axis=1)
        nearest = np.argsort(d2, kind="stable")[1:k + 1]
        if nearest.size == 0:
            nearest = np.array([0])
        labels, counts = np.unique(y_train[nearest], return_counts=True)
        out[i] = labels[np.argmax(counts)]
    return out
