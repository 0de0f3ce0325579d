import numpy as np


def rnn_bptt(x, h0, W_xh, W_hh, b, dh):
    """Forward pass and backpropagation through time of a vanilla tanh RNN.

    x: (T, N, D) inputs; h0: (N, H) initial state; W_xh: (D, H); W_hh: (H, H); b: (H,);
    dh: (T, N, H), dh[t] = the loss's direct gradient with respect to h[t].
    h[t] = tanh(x[t] @ W_xh + h[t-1] @ W_hh + b), with h[-1] = h0.
    Returns {"h": (T, N, H), "dW_xh": (D, H), "dW_hh": (H, H), "db": (H,), "dh0": (N, H)}, float64 arrays.
    Do not modify the inputs.
    """
    raise NotImplementedError
