"""Turns dout into dxhat in place (dout *= gamma) before using it: the caller's upstream gradient is
overwritten, and dbeta/dgamma are then computed from the scaled values."""
import numpy as np


def batchnorm_forward_backward(x, gamma, beta, dout, eps=1e-5):
    n = x.shape[0]
    mu = x.mean(axis=0)
    var = x.var(axis=0)
    inv = 1.0 / np.sqrt(var + eps)
    xhat = (x - mu) * inv
    dbeta = dout.sum(0)
    dgamma = (dout * xhat).sum(0)
    dout *= gamma
    dx = inv / n * (n * dout - dout.sum(0) - xhat * (dout * xhat).sum(0))
    return {"out": gamma * xhat + beta, "dx": dx, "dgamma": dgamma, "dbeta": dbeta}
