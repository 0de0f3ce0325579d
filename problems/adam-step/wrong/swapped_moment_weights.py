"""Swaps the weights of the moving averages: m = (1 - beta1) * m + beta1 * g (and the same for v), so the
new gradient gets the large weight and the history the small one."""
import numpy as np


def adam_step(params, grads, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = (1 - beta1) * m + beta1 * grads
    v = (1 - beta2) * v + beta2 * grads ** 2
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    return params - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
