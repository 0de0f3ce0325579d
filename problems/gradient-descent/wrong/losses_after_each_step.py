"""Records the loss only after each update, so the initial loss f(x0) is missing (n_steps entries, not n_steps + 1)."""
import numpy as np


def gradient_descent(A, b, x0, lr, n_steps):
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    x = np.array(x0, dtype=float)
    losses = []
    for _ in range(n_steps):
        x = x - lr * (A @ x - b)
        losses.append(0.5 * x @ A @ x - b @ x)
    return x, np.array(losses)
