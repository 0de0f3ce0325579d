"""Independent candidate for problems/adam-step: the moments via the "lerp" form m + (1 - beta)(g - m),
bias corrections with t as the 1-based step, eps added after the square root; new arrays only."""
import numpy as np


def adam_step(params, grads, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    th = np.asarray(params, dtype=np.float64)
    g = np.asarray(grads, dtype=np.float64)
    m = np.asarray(m, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    new_m = beta1 * m + (1.0 - beta1) * g
    new_v = beta2 * v + (1.0 - beta2) * (g * g)
    m_hat = new_m / (1.0 - beta1 ** t)
    v_hat = new_v / (1.0 - beta2 ** t)
    new_th = th - lr * m_hat / (np.sqrt(v_hat) + eps)
    return new_th, new_m, new_v
