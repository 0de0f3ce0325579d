"""Uses the new first moment but the old second moment v (from step t - 1) in the update, updating v only
afterwards; at t = 1 with v = 0 the denominator is just eps."""
import numpy as np


def adam_step(params, grads, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m_new = beta1 * m + (1 - beta1) * grads
    step = lr * (m_new / (1 - beta1 ** t)) / (np.sqrt(v / (1 - beta2 ** t)) + eps)
    v_new = beta2 * v + (1 - beta2) * grads ** 2
    return params - step, m_new, v_new
