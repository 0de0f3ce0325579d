"""Converts X with np.asarray(X, dtype=np.float32) ("inputs are float32 in deep learning"): large integer
inputs lose their low bits (2**31 - 256 and 2**31 - 257 become equal), so a pre-activation that is a small
difference of two large inputs comes out as 0."""
import numpy as np


def mlp_forward_backward(X, y, W1, b1, W2, b2):
    X = np.asarray(X, dtype=np.float32)
    n = X.shape[0]
    z1 = X @ W1 + b1
    h = np.maximum(z1, 0)
    logits = h @ W2 + b2
    m = logits.max(axis=1, keepdims=True)
    lse = m + np.log(np.exp(logits - m).sum(axis=1, keepdims=True))
    loss = float(np.mean(lse[:, 0] - logits[np.arange(n), y]))
    g = np.exp(logits - lse)
    g[np.arange(n), y] -= 1
    g /= n
    dz1 = (g @ W2.T) * (z1 > 0)
    return {"loss": loss, "dW1": X.T @ dz1, "db1": dz1.sum(0), "dW2": h.T @ g, "db2": g.sum(0)}
