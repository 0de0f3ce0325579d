"""Centres the data in place for numerical stability (X_train -= mu; X_test -= mu): the distances and the
answers are right, but the caller's float64 arrays are modified (np.asarray does not copy them)."""
import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    X_train = np.asarray(X_train, dtype=np.float64)
    X_test = np.asarray(X_test, dtype=np.float64)
    mu = X_train.mean(axis=0)
    X_train -= mu
    X_test -= mu
    d2 = (X_test ** 2).sum(axis=1)[:, None] - 2.0 * X_test @ X_train.T + (X_train ** 2).sum(axis=1)[None, :]
    nearest = np.argsort(d2, axis=1, kind="stable")[:, :k]
    labels, codes = np.unique(y_train, return_inverse=True)
    votes = np.zeros((len(X_test), labels.size), dtype=np.int64)
    np.add.at(votes, (np.arange(len(X_test))[:, None], codes.reshape(-1)[nearest]), 1)
    return labels[np.argmax(votes, axis=1)].astype(np.int64)
