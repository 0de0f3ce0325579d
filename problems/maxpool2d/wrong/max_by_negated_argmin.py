"""Finds each window's maximum as the argmin of -x, in x's own dtype: -0 is 0 for unsigned x (the smallest
value) and -(-128) is -128 in int8, so those windows pick the wrong position."""
import numpy as np


def maxpool2d(x, dout, kernel, stride):
    n, c, height, width = x.shape
    k, s = kernel, stride
    h_out, w_out = (height - k) // s + 1, (width - k) // s + 1
    out = np.zeros((n, c, h_out, w_out))
    dx = np.zeros(x.shape)
    ni, ci = np.indices((n, c))
    for i in range(h_out):
        for j in range(w_out):
            flat = x[:, :, i * s:i * s + k, j * s:j * s + k].reshape(n, c, k * k)
            a = (-flat).argmin(axis=-1)
            out[:, :, i, j] = np.take_along_axis(flat, a[..., None], axis=-1)[..., 0]
            np.add.at(dx, (ni, ci, i * s + a // k, j * s + a % k), dout[:, :, i, j])
    return {"out": out, "dx": dx}
