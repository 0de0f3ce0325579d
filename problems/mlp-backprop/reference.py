import numpy as np


def mlp_forward_backward(X, y, W1, b1, W2, b2):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    batch = X.shape[0]
    z1 = X @ W1 + b1
    h = np.maximum(z1, 0.0)
    logits = h @ W2 + b2
    shift = logits.max(axis=1, keepdims=True)
    lse = shift + np.log(np.exp(logits - shift).sum(axis=1, keepdims=True))
    rows = np.arange(batch)
    loss = float(np.mean(lse[:, 0] - logits[rows, y]))

    dlogits = np.exp(logits - lse)          # softmax probabilities
    dlogits[rows, y] -= 1.0
    dlogits /= batch
    dW2 = h.T @ dlogits
    db2 = dlogits.sum(axis=0)
    dz1 = (dlogits @ W2.T) * (z1 > 0)       # relu'(0) = 0
    dW1 = X.T @ dz1
    db1 = dz1.sum(axis=0)
    return {"loss": loss, "dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
