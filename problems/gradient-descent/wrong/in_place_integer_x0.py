"""Updates x0 in place (x = x0; x -= ...): an integer x0 cannot hold the float update, and the caller's array
is modified."""
import numpy as np


def gradient_descent(A, b, x0, lr, n_steps):
    x = x0
    losses = [0.5 * x @ A @ x - b @ x]
    for _ in range(n_steps):
        x -= lr * (A @ x - b)
        losses.append(0.5 * x @ A @ x - b @ x)
    return x, np.array(losses, dtype=float)
