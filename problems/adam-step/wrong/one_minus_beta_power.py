"""Bias-corrects with (1 - beta)**t instead of 1 - beta**t (the power applied to the wrong quantity)."""
import numpy as np


def adam_step(params, grads, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grads
    v = beta2 * v + (1 - beta2) * grads ** 2
    m_hat = m / (1 - beta1) ** t
    v_hat = v / (1 - beta2) ** t
    return params - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
