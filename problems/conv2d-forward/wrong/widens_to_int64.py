"""Widens integer inputs to int64 "to avoid overflow" instead of converting them to float64: int64 and
uint64 inputs (and sums of uint32 products beyond 2**63) still wrap around."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _widen(a):
    a = np.asarray(a)
    return a.astype(np.int64) if a.dtype.kind in "iu" else a.astype(np.float64)


def conv2d(x, w, b, stride=1, padding=0):
    x, w, b = _widen(x), _widen(w), _widen(b)
    kh, kw = w.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    win = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride]
    out = np.tensordot(win, w, axes=([1, 4, 5], [1, 2, 3])).transpose(0, 3, 1, 2) + b[None, :, None, None]
    return out.astype(np.float64)
