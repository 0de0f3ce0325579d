"""Independent candidate for problems/lasso-coordinate-descent: "covariance" coordinate descent (as
scikit-learn's precompute=True): precomputes the Gram matrix G = X^T X / n and c = X^T y / n, so that
rho_j = c_j - G_j . w + G_jj w_j, which uses the current (partly updated) w exactly like a live residual."""
import numpy as np


def lasso_cd(X, y, alpha, n_iter):
    A = np.array(X, dtype=np.float64)
    b = np.array(y, dtype=np.float64)
    n, d = A.shape
    G = A.T @ A / n
    c = A.T @ b / n
    w = np.zeros(d)
    alpha = float(alpha)
    for _ in range(int(n_iter)):
        for j in range(d):
            zj = G[j, j]
            if zj == 0.0:
                continue
            rho = c[j] - G[j] @ w + zj * w[j]
            w[j] = np.sign(rho) * max(abs(rho) - alpha, 0.0) / zj
    return w
