"""Uses Counter.most_common(1): a vote tie goes to the label seen first, i.e. the nearest, not the smallest."""
from collections import Counter

import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    X_train = np.asarray(X_train, float)
    X_test = np.asarray(X_test, float)
    out = np.empty(len(X_test), dtype=np.int64)
    for i, q in enumerate(X_test):
        d2 = ((X_train - q) ** 2).sum(axis=1)
        nearest = np.argsort(d2, kind="stable")[:k]
        out[i] = Counter(y_train[nearest].tolist()).most_common(1)[0][0]
    return out
