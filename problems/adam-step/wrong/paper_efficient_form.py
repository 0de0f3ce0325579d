"""Uses the Adam paper's 'more efficient' ordering, lr_t = lr * sqrt(1 - beta2**t) / (1 - beta1**t) and
params - lr_t * m / (sqrt(v) + eps), keeping eps unscaled: that is eps * sqrt(1 - beta2**t) in the stated
formula's terms, which differs when gradients are tiny."""
import numpy as np


def adam_step(params, grads, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grads
    v = beta2 * v + (1 - beta2) * grads ** 2
    lr_t = lr * np.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
    return params - lr_t * m / (np.sqrt(v) + eps), m, v
