"""Stops as soon as the gradient is (numerically) zero, so the loss history is shorter than n_steps + 1."""
import numpy as np


def gradient_descent(A, b, x0, lr, n_steps):
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    x = np.array(x0, dtype=float)
    losses = [0.5 * x @ A @ x - b @ x]
    for _ in range(n_steps):
        g = A @ x - b
        if np.linalg.norm(g) < 1e-10:
            break
        x = x - lr * g
        losses.append(0.5 * x @ A @ x - b @ x)
    return x, np.array(losses)
