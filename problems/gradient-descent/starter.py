import numpy as np


def gradient_descent(A: np.ndarray, b: np.ndarray, x0: np.ndarray, lr: float,
                     n_steps: int) -> tuple[np.ndarray, np.ndarray]:
    """Minimise f(x) = 1/2 x^T A x - b^T x with plain gradient descent.

    A: (d, d) symmetric positive definite; b, x0: (d,); lr: step size; n_steps: number of updates.
    Update: x_{k+1} = x_k - lr * (A x_k - b), exactly n_steps times, starting from x0.
    Returns (x_final, losses): x_final float64 (d,) is x after n_steps updates; losses float64
    (n_steps + 1,) holds f(x_0), f(x_1), ..., f(x_{n_steps}).
    """
    raise NotImplementedError
