import numpy as np


def fit_linear_regression(X: np.ndarray, y: np.ndarray, lr: float, n_iters: int) -> tuple[np.ndarray, float]:
    """Fit y ~ X w + b by batch gradient descent on the mean squared error.

    X: (n, d); y: (n,); lr: learning rate; n_iters: number of full-batch updates.
    Start from w = 0, b = 0. Each iteration, with r = X w + b - y (all at the current w, b):
        grad_w = (2/n) X^T r,  grad_b = (2/n) sum(r),  then  w -= lr * grad_w,  b -= lr * grad_b.
    Returns (w, b): w a float64 array of shape (d,), b a float.
    """
    raise NotImplementedError
