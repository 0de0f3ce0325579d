import numpy as np


def mlp_forward_backward(X, y, W1, b1, W2, b2):
    """Loss and gradients of a two-layer ReLU network with softmax cross-entropy.

    X: (B, D) inputs; y: (B,) int class indices in [0, C); W1: (D, H), b1: (H,), W2: (H, C), b2: (C,).
    h = relu(X @ W1 + b1); logits = h @ W2 + b2; loss = mean over the batch of -log softmax(logits)[y].
    Returns {"loss": float, "dW1": (D, H), "db1": (H,), "dW2": (H, C), "db2": (C,)} (float64 arrays),
    the gradients of the loss. relu'(0) is taken to be 0.
    """
    raise NotImplementedError
