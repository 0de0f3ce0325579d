import numpy as np


def fit_logistic_regression(X: np.ndarray, y: np.ndarray, lr: float, n_iters: int,
                            l2: float = 0.0) -> tuple[np.ndarray, float]:
    """Binary logistic regression fitted by full-batch gradient descent.

    X: (n, d) features; y: (n,) labels in {0, 1}; lr: learning rate; n_iters: number of updates;
    l2: strength of the (l2 / 2) * ||w||^2 penalty (the bias b is not penalised).
    Start from w = 0, b = 0. Each iteration, with p = sigmoid(X w + b) at the current (w, b):
        grad_w = X^T (p - y) / n + l2 * w,   grad_b = mean(p - y),
        w -= lr * grad_w,  b -= lr * grad_b   (simultaneously).
    The sigmoid must not overflow: |X w + b| can exceed 1000.
    Returns (w, b): w a float64 array of shape (d,), b a float.
    """
    raise NotImplementedError
