import numpy as np


def binary_metrics(y_true: np.ndarray, y_pred: np.ndarray) -> dict:
    """Precision, recall and F1 of the positive class (label 1).

    y_true, y_pred: 1-D arrays of 0/1 of the same length (any integer dtype, or bool); do not modify them.
    Returns {"precision": float, "recall": float, "f1": float}; a metric whose denominator is 0 is 0.0.
    """
    raise NotImplementedError
