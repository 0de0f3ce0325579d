import numpy as np


def roc_auc(y_true: np.ndarray, scores: np.ndarray) -> float:
    """Area under the ROC curve of `scores` for the binary labels `y_true` (1 = positive).

    A tied positive/negative pair counts 1/2. If y_true holds only one class, return 0.5.
    Ties are exact equality of scores (no tolerance). Do not modify the inputs.
    """
    raise NotImplementedError
