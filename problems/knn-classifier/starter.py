import numpy as np


def knn_predict(X_train: np.ndarray, y_train: np.ndarray, X_test: np.ndarray, k: int) -> np.ndarray:
    """Predict a label for every row of X_test by a majority vote of its k nearest training rows.

    X_train: (n, d), y_train: (n,) integer labels, X_test: (m, d), 1 <= k <= n. X_train and X_test are
    float64 or any integer dtype (treat integers as real numbers: no wrap-around). Do not modify the inputs.
    Euclidean distance; distance ties -> lower training index first; vote ties -> smallest label.
    Returns an int64 array of shape (m,).
    """
    raise NotImplementedError
