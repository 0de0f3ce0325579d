"""Divides by sqrt(var) + eps instead of sqrt(var + eps) (forward and backward consistently): wrong
whenever eps is not negligible against the variance."""
import numpy as np


def batchnorm_forward_backward(x, gamma, beta, dout, eps=1e-5):
    n = x.shape[0]
    mu = x.mean(axis=0)
    xc = x - mu
    var = (xc ** 2).mean(axis=0)
    std = np.sqrt(var)
    denom = std + eps
    xhat = xc / denom
    dxhat = dout * gamma
    # d xhat / d var through std: -xc / denom^2 * 1 / (2 std); guarded for std = 0
    with np.errstate(divide="ignore", invalid="ignore"):
        dstd = np.where(std > 0, 1.0 / (2.0 * std), 0.0)
    dvar = (dxhat * -xc / denom ** 2).sum(0) * dstd
    dmu = (-dxhat / denom).sum(0) + dvar * (-2.0 * xc).mean(0)
    dx = dxhat / denom + dvar * 2.0 * xc / n + dmu / n
    return {"out": gamma * xhat + beta, "dx": dx, "dgamma": (dout * xhat).sum(0), "dbeta": dout.sum(0)}
