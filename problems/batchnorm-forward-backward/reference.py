import numpy as np


def batchnorm_forward_backward(x, gamma, beta, dout, eps=1e-5):
    n = x.shape[0]
    mu = x.mean(axis=0)
    centred = x - mu
    var = (centred ** 2).mean(axis=0)           # biased, from the centred values
    inv_std = 1.0 / np.sqrt(var + eps)
    xhat = centred * inv_std
    out = gamma * xhat + beta
    dxhat = dout * gamma
    # The mean and the variance depend on every row: their paths give the two subtracted terms.
    dx = inv_std / n * (n * dxhat - dxhat.sum(axis=0) - xhat * (dxhat * xhat).sum(axis=0))
    return {"out": out, "dx": dx, "dgamma": (dout * xhat).sum(axis=0), "dbeta": dout.sum(axis=0)}
