"""Widens integer inputs to int64 "to avoid overflow" instead of converting them to float64: int64 and
uint64 inputs (and uint32 products beyond 2**63) still wrap around."""
import numpy as np


def _widen(a):
    a = np.asarray(a)
    return a.astype(np.int64) if a.dtype.kind in "iu" else a.astype(np.float64)


def linear_forward(X, W, b):
    return (_widen(X) @ _widen(W).T + _widen(b)).astype(np.float64)
