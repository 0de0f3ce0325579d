"""Bias-corrects with 1 - beta**(t - 1), as if t counted the steps already taken: at t = 1 that divides by
0, and every later step is over-corrected."""
import numpy as np


def adam_step(params, grads, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grads
    v = beta2 * v + (1 - beta2) * grads ** 2
    with np.errstate(divide="ignore", invalid="ignore"):
        m_hat = m / (1 - beta1 ** (t - 1))
        v_hat = v / (1 - beta2 ** (t - 1))
        return params - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
