import numpy as np


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, n_classes: int) -> np.ndarray:
    """C[i, j] = number of samples whose true class is i and predicted class is j.

    y_true, y_pred: 1-D integer arrays (any integer dtype) of the same length n >= 0 with values in
    [0, n_classes); do not modify them.
    Returns an int64 array of shape (n_classes, n_classes), rows = true class, columns = predicted class.
    """
    raise NotImplementedError
