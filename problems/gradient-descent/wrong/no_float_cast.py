"""Never converts the inputs to float and relies on NumPy's type promotion: the first gradient A @ x0 - b (and
f(x0)) is computed in the input's integer dtype, so it overflows (int8 ... int64) or wraps around below zero
(unsigned). Every later step is float because lr is a float, so float inputs give the right answer."""
import numpy as np


def gradient_descent(A, b, x0, lr, n_steps):
    x = x0
    losses = [0.5 * (x @ (A @ x)) - b @ x]
    for _ in range(n_steps):
        x = x - lr * (A @ x - b)
        losses.append(0.5 * (x @ (A @ x)) - b @ x)
    return np.asarray(x, dtype=np.float64), np.array(losses, dtype=np.float64)
