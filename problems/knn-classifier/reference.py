import numpy as np


def knn_predict(X_train: np.ndarray, y_train: np.ndarray, X_test: np.ndarray, k: int) -> np.ndarray:
    X_train = np.asarray(X_train, dtype=np.float64)
    X_test = np.asarray(X_test, dtype=np.float64)
    labels, codes = np.unique(np.asarray(y_train), return_inverse=True)
    codes = codes.reshape(-1)
    # Squared distances ||q||^2 - 2 q.x + ||x||^2 (exact for the small-integer tie cases).
    d2 = (X_test ** 2).sum(axis=1)[:, None] - 2.0 * X_test @ X_train.T + (X_train ** 2).sum(axis=1)[None, :]
    nearest = np.argsort(d2, axis=1, kind="stable")[:, :k]        # distance ties: lower index first
    m = X_test.shape[0]
    votes = np.zeros((m, labels.size), dtype=np.int64)
    np.add.at(votes, (np.arange(m)[:, None], codes[nearest]), 1)
    return labels[np.argmax(votes, axis=1)].astype(np.int64)      # first maximum = smallest label
