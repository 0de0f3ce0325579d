"""Independent candidate for mlp-backprop: one sample at a time, log-softmax via np.logaddexp.reduce,
gradients accumulated from per-sample outer products and scaled by 1/B at the end."""
import numpy as np


def mlp_forward_backward(X, y, W1, b1, W2, b2):
    X = np.asarray(X, dtype=np.float64)
    B = X.shape[0]
    dW1 = np.zeros_like(W1, dtype=np.float64)
    db1 = np.zeros(W1.shape[1])
    dW2 = np.zeros_like(W2, dtype=np.float64)
    db2 = np.zeros(W2.shape[1])
    total = 0.0
    for x, t in zip(X, np.asarray(y).tolist()):
        z = W1.T @ x + b1
        active = z > 0
        h = np.where(active, z, 0.0)
        logits = W2.T @ h + b2
        log_probs = logits - np.logaddexp.reduce(logits)
        total += -log_probs[t]
        g = np.exp(log_probs)
        g[t] -= 1.0
        dW2 += np.outer(h, g)
        db2 += g
        gz = np.where(active, W2 @ g, 0.0)
        dW1 += np.outer(x, gz)
        db1 += gz
    return {"loss": total / B, "dW1": dW1 / B, "db1": db1 / B, "dW2": dW2 / B, "db2": db2 / B}
