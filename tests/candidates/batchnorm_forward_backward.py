"""Independent candidate for problems/batchnorm-forward-backward: the staged computational graph
(x -> centred -> var -> inverse std -> xhat -> out), backpropagated node by node: the mean and variance
paths are accumulated explicitly instead of the folded one-line dx formula."""
import numpy as np


def batchnorm_forward_backward(x, gamma, beta, dout, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    g = np.asarray(gamma, dtype=np.float64)
    bt = np.asarray(beta, dtype=np.float64)
    dy = np.asarray(dout, dtype=np.float64)
    N = x.shape[0]
    mu = x.mean(axis=0)
    xc = x - mu
    var = (xc * xc).mean(axis=0)
    std = np.sqrt(var + eps)
    inv = 1.0 / std
    xhat = xc * inv
    out = g * xhat + bt
    # backward
    dbeta = dy.sum(axis=0)
    dgamma = (dy * xhat).sum(axis=0)
    dxhat = dy * g
    dxc = dxhat * inv                               # direct path through xc
    dinv = (dxhat * xc).sum(axis=0)
    dvar = dinv * (-0.5) * inv ** 3                 # d(var+eps)^-1/2 / dvar
    dxc = dxc + dvar * 2.0 * xc / N                 # variance path
    dmu = -dxc.sum(axis=0)                          # mean path
    dx = dxc + dmu / N
    return {"out": out, "dx": dx, "dgamma": dgamma, "dbeta": dbeta}
