import numpy as np


def fit_linear_regression(X, y, lr, n_iters):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n, d = X.shape
    # Work with theta = [w, b] and the augmented design [X, 1]; precompute the normal-equation pieces once:
    # grad = (2/n) (Xa^T Xa theta - Xa^T y).
    Xa = np.concatenate([X, np.ones((n, 1))], axis=1)
    gram = Xa.T @ Xa
    rhs = Xa.T @ y
    theta = np.zeros(d + 1)
    for _ in range(n_iters):
        theta -= lr * (2.0 / n) * (gram @ theta - rhs)
    return theta[:d].copy(), float(theta[d])
