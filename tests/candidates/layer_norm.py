"""Independent candidate for layer-norm: flattens the leading axes and uses einsum for the variance."""
import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    x = np.array(x, dtype=np.float64)
    shape = x.shape
    d = shape[-1]
    rows = x.reshape(-1, d)
    centred = rows - rows.sum(axis=1)[:, None] / d
    constant = (rows == rows[:, :1]).all(axis=1)  # statement: a constant slice gives beta, also for eps = 0
    centred[constant] = 0.0
    var = np.einsum("ij,ij->i", centred, centred) / d
    var[constant] = 1.0
    out = centred * (1.0 / np.sqrt(var + eps))[:, None]
    out = out * np.asarray(gamma, dtype=np.float64)[None, :] + np.asarray(beta, dtype=np.float64)[None, :]
    return out.reshape(shape)
