"""Vectorised correctly, but pads and contracts in the inputs' own dtype and only casts the result to
float64: integer products and sums wrap around (uint8 images stay uint8, int8 * int8 stays int8, ...)."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d(x, w, b, stride=1, padding=0):
    x, w, b = np.asarray(x), np.asarray(w), np.asarray(b)
    kh, kw = w.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    win = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride]
    out = np.tensordot(win, w, axes=([1, 4, 5], [1, 2, 3])).transpose(0, 3, 1, 2) + b[None, :, None, None]
    return out.astype(np.float64)
