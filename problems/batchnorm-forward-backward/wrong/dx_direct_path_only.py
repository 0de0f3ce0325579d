"""Backpropagates only through xhat = (x - mean) / std as if the mean and the standard deviation were
constants: dx = dout * gamma / std, missing both batch-statistics terms."""
import numpy as np


def batchnorm_forward_backward(x, gamma, beta, dout, eps=1e-5):
    mu = x.mean(axis=0)
    var = x.var(axis=0)
    inv = 1.0 / np.sqrt(var + eps)
    xhat = (x - mu) * inv
    dx = dout * gamma * inv
    return {"out": gamma * xhat + beta, "dx": dx, "dgamma": (dout * xhat).sum(0), "dbeta": dout.sum(0)}
