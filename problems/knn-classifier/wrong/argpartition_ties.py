"""Unstable selection: np.argpartition picks the k nearest but breaks distance ties arbitrarily."""
import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    X_train = np.asarray(X_train, float)
    X_test = np.asarray(X_test, float)
    d2 = (X_test ** 2).sum(1)[:, None] - 2 * X_test @ X_train.T + (X_train ** 2).sum(1)[None, :]
    if k < X_train.shape[0]:
        nearest = np.argpartition(d2, k - 1, axis=1)[:, :k]
    else:
        nearest = np.tile(np.arange(k), (len(X_test), 1))
    out = np.empty(len(X_test), dtype=np.int64)
    for i, row in enumerate(nearest):
        labels, counts = np.unique(y_train[row], return_counts=True)
        out[i] = labels[np.argmax(counts)]
    return out
