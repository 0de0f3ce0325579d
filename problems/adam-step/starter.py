import numpy as np


def adam_step(params, grads, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam update.

    params, grads, m, v: float64 arrays of the same shape (m, v: the moment estimates after step t - 1);
    t: the 1-based number of this step. Update the moments, bias-correct them with 1 - beta**t, and move
    params by -lr * m_hat / (sqrt(v_hat) + eps).
    Returns (new_params, new_m, new_v) as float64 arrays. Do not modify the inputs.
    """
    raise NotImplementedError
