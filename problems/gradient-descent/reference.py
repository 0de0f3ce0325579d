import numpy as np


def _f(A: np.ndarray, b: np.ndarray, x: np.ndarray) -> float:
    return 0.5 * x @ (A @ x) - b @ x


def gradient_descent(A: np.ndarray, b: np.ndarray, x0: np.ndarray, lr: float,
                     n_steps: int) -> tuple[np.ndarray, np.ndarray]:
    A = np.asarray(A, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    x = np.array(x0, dtype=np.float64)  # a float copy: never modify the caller's x0
    losses = np.empty(n_steps + 1)
    losses[0] = _f(A, b, x)
    for k in range(1, n_steps + 1):
        x = x - lr * (A @ x - b)
        losses[k] = _f(A, b, x)
    return x, losses
