"""Off-by-one in the loop: records f and updates n_steps + 1 times, so x_final is one update past x_{n_steps}
(the loss history has the right length but ends at f(x_{n_steps}) while x has moved on)."""
import numpy as np


def gradient_descent(A, b, x0, lr, n_steps):
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    x = np.array(x0, dtype=float)
    losses = []
    for _ in range(n_steps + 1):
        losses.append(0.5 * x @ A @ x - b @ x)
        x = x - lr * (A @ x - b)
    return x, np.array(losses)
