"""Fills a float array (np.zeros(m)) with the predicted labels: right values, wrong (float64) dtype."""
import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    X_train = np.asarray(X_train, float)
    X_test = np.asarray(X_test, float)
    out = np.zeros(len(X_test))
    for i, q in enumerate(X_test):
        d2 = ((X_train - q) ** 2).sum(axis=1)
        nearest = np.argsort(d2, kind="stable")[:k]
        labels, counts = np.unique(y_train[nearest], return_counts=True)
        out[i] = labels[np.argmax(counts)]
    return out
