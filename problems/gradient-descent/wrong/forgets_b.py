"""Uses A x as the gradient and forgets the -b term: descends 1/2 x^T A x, so x goes to 0, not to A^{-1} b."""
import numpy as np


def gradient_descent(A, b, x0, lr, n_steps):
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    x = np.array(x0, dtype=float)
    losses = [0.5 * x @ A @ x - b @ x]
    for _ in range(n_steps):
        x = x - lr * (A @ x)
        losses.append(0.5 * x @ A @ x - b @ x)
    return x, np.array(losses)
