"""Backpropagates each step's own upstream gradient only: ignores the path from h_t to the later steps
through W_hh (the carried gradient is computed but never added to dh[t])."""
import numpy as np


def rnn_bptt(x, h0, W_xh, W_hh, b, dh):
    steps = x.shape[0]
    hs = np.empty((steps,) + h0.shape)
    a_s = np.empty((steps,) + h0.shape)
    prev = h0
    for t in range(steps):
        a_s[t] = x[t] @ W_xh + prev @ W_hh + b
        prev = np.tanh(a_s[t])
        hs[t] = prev
    dW_xh, dW_hh, db = np.zeros_like(W_xh), np.zeros_like(W_hh), np.zeros_like(b)
    carry = np.zeros_like(h0)
    for t in reversed(range(steps)):
        dz = dh[t] * (1.0 - hs[t] ** 2)
        prev = hs[t - 1] if t > 0 else h0
        dW_xh += x[t].T @ dz
        dW_hh += prev.T @ dz
        db += dz.sum(axis=0)
        carry = dz @ W_hh.T
    return {"h": hs, "dW_xh": dW_xh, "dW_hh": dW_hh, "db": db, "dh0": carry}
