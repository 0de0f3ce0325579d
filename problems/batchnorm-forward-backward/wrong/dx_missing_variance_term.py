"""Keeps the mean's path but forgets the variance's: dx = (dxhat - mean(dxhat)) / std, without the
- xhat * mean(dxhat * xhat) term."""
import numpy as np


def batchnorm_forward_backward(x, gamma, beta, dout, eps=1e-5):
    mu = x.mean(axis=0)
    var = x.var(axis=0)
    inv = 1.0 / np.sqrt(var + eps)
    xhat = (x - mu) * inv
    dxhat = dout * gamma
    dx = inv * (dxhat - dxhat.mean(0))
    return {"out": gamma * xhat + beta, "dx": dx, "dgamma": (dout * xhat).sum(0), "dbeta": dout.sum(0)}
