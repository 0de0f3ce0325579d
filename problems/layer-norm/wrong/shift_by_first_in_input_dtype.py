"""Uses the shifted-data trick (subtract each slice's first entry before averaging) but subtracts in the input's
own dtype: x - x[..., :1] wraps around for integers (in uint8, 0 - 255 is 1; in int8, 127 - (-128) is -1)."""
import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    x = np.asarray(x)
    diff = (x - x[..., :1]).astype(np.float64)
    constant = np.all(diff == 0, axis=-1, keepdims=True)
    centred = np.where(constant, 0.0, diff - diff.mean(axis=-1, keepdims=True))
    var = np.mean(centred ** 2, axis=-1, keepdims=True)
    return centred / np.sqrt(np.where(constant, 1.0, var + eps)) * gamma + beta
