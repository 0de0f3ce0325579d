"""Skips the bias correction and divides m_t by sqrt(v_t) directly: early steps (small t) are far off,
because the moments start at 0 and are biased towards it."""
import numpy as np


def adam_step(params, grads, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grads
    v = beta2 * v + (1 - beta2) * grads ** 2
    return params - lr * m / (np.sqrt(v) + eps), m, v
