import numpy as np


def layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    """Layer normalisation over the last axis of x.

    x: array of shape (..., d) (float64 or any integer dtype); gamma, beta: arrays of shape (d,);
    eps >= 0 (0 included). Each length-d slice is centred by its mean and divided by
    sqrt(biased variance + eps), then scaled by gamma and shifted by beta; a constant slice gives beta.
    Returns a float64 array of x's shape. Do not modify the inputs.
    """
    raise NotImplementedError
