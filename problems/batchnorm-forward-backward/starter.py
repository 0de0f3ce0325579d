import numpy as np


def batchnorm_forward_backward(x, gamma, beta, dout, eps=1e-5):
    """Training-mode batch normalisation over axis 0, forward and backward.

    x: (N, D) float64; gamma, beta: (D,); dout: (N, D), the gradient of the loss with respect to out.
    out = gamma * (x - mean) / sqrt(var + eps) + beta with the per-feature batch mean and biased variance.
    Returns {"out": (N, D), "dx": (N, D), "dgamma": (D,), "dbeta": (D,)} as float64 arrays.
    Do not modify the inputs.
    """
    raise NotImplementedError
