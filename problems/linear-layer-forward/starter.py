import numpy as np


def linear_forward(X: np.ndarray, W: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Forward pass of a fully connected layer, y = x W^T + b, applied to the last axis of X.

    X: (..., in_features), any number of leading (batch) dimensions, possibly none.
    W: (out_features, in_features), as stored by torch.nn.Linear.
    b: (out_features,).
    Returns a float64 array of shape (..., out_features).
    """
    raise NotImplementedError
