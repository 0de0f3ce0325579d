import numpy as np


def _sigma(z):
    # tanh form: bounded for any z, never overflows.
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def fit_logistic_regression(X, y, lr, n_iters, l2=0.0):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64).reshape(-1)
    n, d = X.shape
    # theta = [w, b] with an appended column of ones; the penalty mask leaves the bias alone.
    Xa = np.concatenate([X, np.ones((n, 1))], axis=1)
    penalty = np.append(np.full(d, float(l2)), 0.0)
    theta = np.zeros(d + 1)
    for _ in range(n_iters):
        residual = _sigma(np.einsum("ij,j->i", Xa, theta)) - y
        grad = np.einsum("ij,i->j", Xa, residual) / n + penalty * theta
        theta = theta - lr * grad
    return theta[:d], float(theta[d])
