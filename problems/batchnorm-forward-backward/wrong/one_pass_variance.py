"""Computes the variance in one pass as mean(x^2) - mean(x)^2: with feature means around 1e6 and unit
variance the subtraction cancels most digits (and can go negative for a constant feature)."""
import numpy as np


def batchnorm_forward_backward(x, gamma, beta, dout, eps=1e-5):
    n = x.shape[0]
    mu = x.mean(axis=0)
    var = (x ** 2).mean(axis=0) - mu ** 2
    with np.errstate(invalid="ignore"):
        inv = 1.0 / np.sqrt(var + eps)
    xhat = (x - mu) * inv
    dxhat = dout * gamma
    dx = inv / n * (n * dxhat - dxhat.sum(0) - xhat * (dxhat * xhat).sum(0))
    return {"out": gamma * xhat + beta, "dx": dx, "dgamma": (dout * xhat).sum(0), "dbeta": dout.sum(0)}
