"""Reuses the caller's x0 as the iterate buffer (x = np.asarray(x0); x[...] = new value) to avoid allocations:
x0 is modified in place, whatever its dtype (and an integer x0 also truncates every iterate to an integer)."""
import numpy as np


def gradient_descent(A, b, x0, lr, n_steps):
    A = np.asarray(A, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    x = np.asarray(x0)
    xf = x.astype(np.float64)
    losses = np.empty(n_steps + 1)
    losses[0] = 0.5 * xf @ (A @ xf) - b @ xf
    for k in range(1, n_steps + 1):
        np.copyto(x, x - lr * (A @ x - b), casting="unsafe")
        xf = x.astype(np.float64)
        losses[k] = 0.5 * xf @ (A @ xf) - b @ xf
    return xf, losses
