import numpy as np


def layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    """Layer normalisation over the last axis of x.

    x: array of shape (..., d) (float64 or integer); gamma, beta: arrays of shape (d,).
    Each length-d slice is centred by its mean and divided by sqrt(biased variance + eps),
    then scaled by gamma and shifted by beta. Returns a float64 array of x's shape.
    """
    raise NotImplementedError
