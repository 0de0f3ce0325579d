import numpy as np


def precision_recall_ap(y_true: np.ndarray, scores: np.ndarray):
    """Precision and recall at every distinct score threshold (decreasing), and average precision.

    Returns (precision, recall, thresholds, ap): float64 arrays of shape (m,) for the m distinct scores,
    thresholds in decreasing order, and ap = sum_n (R_n - R_{n-1}) * P_n with R_0 = 0.
    Tied scores form one threshold (exact equality). No positives: recall, precision and ap are 0.
    Do not modify the inputs.
    """
    raise NotImplementedError
