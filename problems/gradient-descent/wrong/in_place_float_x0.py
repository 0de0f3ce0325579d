"""Converts x0 with np.asarray(x0, dtype=float) and then updates it in place (x -= ...): for an integer x0
asarray makes a copy, but for a float64 x0 it returns the caller's own array, which is silently modified
(the returned values are right; the statement says not to modify x0)."""
import numpy as np


def gradient_descent(A, b, x0, lr, n_steps):
    A = np.asarray(A, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    x = np.asarray(x0, dtype=np.float64)
    losses = np.empty(n_steps + 1)
    losses[0] = 0.5 * x @ (A @ x) - b @ x
    for k in range(1, n_steps + 1):
        x -= lr * (A @ x - b)
        losses[k] = 0.5 * x @ (A @ x) - b @ x
    return x.copy(), losses
