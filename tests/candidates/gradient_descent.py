import numpy as np


def gradient_descent(A, b, x0, lr, n_steps):
    A = np.array(A, dtype=np.float64)
    b = np.array(b, dtype=np.float64)
    x = np.array(x0, dtype=np.float64)
    history = []
    for step in range(n_steps + 1):
        Ax = np.einsum("ij,j->i", A, x)
        history.append(float(np.dot(x, 0.5 * Ax - b)))
        if step == n_steps:
            break
        x = x - lr * (Ax - b)
    return x, np.asarray(history, dtype=np.float64)
