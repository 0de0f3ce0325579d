"""Independent candidate for problems/rnn-bptt: forward loop storing the states; the backward loop only
carries the gradient into each pre-activation (da_t), and the weight gradients are formed at the end in
one shot with einsum over all steps (inputs x_t and previous states h_{t-1} stacked)."""
import numpy as np


def rnn_bptt(x, h0, W_xh, W_hh, b, dh):
    x = np.asarray(x, dtype=np.float64)
    h0 = np.asarray(h0, dtype=np.float64)
    Wx = np.asarray(W_xh, dtype=np.float64)
    Wh = np.asarray(W_hh, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    dh = np.asarray(dh, dtype=np.float64)
    T = x.shape[0]
    H = Wh.shape[0]
    hs = np.empty((T + 1,) + h0.shape)              # hs[0] = h0, hs[t + 1] = h_t
    hs[0] = h0
    for t in range(T):
        hs[t + 1] = np.tanh(x[t] @ Wx + hs[t] @ Wh + b)
    da = np.empty((T,) + h0.shape)
    carry = np.zeros_like(h0)                       # gradient flowing into h_t from step t + 1
    for t in range(T - 1, -1, -1):
        total = dh[t] + carry
        da[t] = total * (1.0 - hs[t + 1] ** 2)
        carry = da[t] @ Wh.T
    dWx = np.einsum("tnd,tnh->dh", x, da)
    dWh = np.einsum("tni,tnj->ij", hs[:-1], da)
    db = da.sum(axis=(0, 1))
    return {"h": hs[1:].copy(), "dW_xh": dWx, "dW_hh": dWh, "db": db.reshape(H), "dh0": carry}
