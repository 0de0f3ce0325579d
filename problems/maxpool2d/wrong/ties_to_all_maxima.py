"""Routes each window's gradient to every position equal to the window's maximum (a mask x == max), so a
tie sends the full gradient to all tied positions instead of only the first."""
import numpy as np


def maxpool2d(x, dout, kernel, stride):
    n, c, height, width = x.shape
    k, s = kernel, stride
    h_out, w_out = (height - k) // s + 1, (width - k) // s + 1
    out = np.empty((n, c, h_out, w_out))
    dx = np.zeros(x.shape)
    for i in range(h_out):
        for j in range(w_out):
            win = x[:, :, i * s:i * s + k, j * s:j * s + k]
            m = win.max(axis=(2, 3))
            out[:, :, i, j] = m
            mask = win == m[:, :, None, None]
            dx[:, :, i * s:i * s + k, j * s:j * s + k] += mask * dout[:, :, i, j][:, :, None, None]
    return {"out": out, "dx": dx}
