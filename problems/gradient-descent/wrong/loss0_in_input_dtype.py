"""Converts x to float for the iterations but computes the starting loss f(x0) from the raw inputs first: with
integer inputs x0 @ A @ x0 and b @ x0 are evaluated in the input's integer dtype and overflow, so losses[0]
is wrong (the iterates and the later losses are right)."""
import numpy as np


def gradient_descent(A, b, x0, lr, n_steps):
    losses = [0.5 * (x0 @ A @ x0) - b @ x0]
    A = np.asarray(A, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    x = np.array(x0, dtype=np.float64)
    for _ in range(n_steps):
        x = x - lr * (A @ x - b)
        losses.append(0.5 * (x @ (A @ x)) - b @ x)
    return x, np.array(losses, dtype=np.float64)
