"""Independent candidate for layer-norm: flattens the leading axes and uses einsum for the variance."""
import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    x = np.array(x, dtype=np.float64)
    shape = x.shape
    d = shape[-1]
    rows = x.reshape(-1, d)
    centred = rows - rows.sum(axis=1)[:, None] / d
    var = np.einsum("ij,ij->i", centred, centred) / d
    out = centred * (1.0 / np.sqrt(var + eps))[:, None]
    out = out * np.asarray(gamma, dtype=np.float64)[None, :] + np.asarray(beta, dtype=np.float64)[None, :]
    return out.reshape(shape)
