import numpy as np


def cross_entropy(logits: np.ndarray, targets: np.ndarray) -> float:
    """Mean cross-entropy of integer class targets under softmax(logits), computed stably.

    logits: (n, c) raw scores (float64 or any integer dtype), |logits| <= 1e6; targets: (n,) integers in [0, c).
    Returns the float  mean_i [ logsumexp(logits[i]) - logits[i, targets[i]] ]. Do not modify the inputs.
    """
    raise NotImplementedError
