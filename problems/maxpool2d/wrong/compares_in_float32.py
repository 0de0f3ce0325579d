"""Converts x to float32 first ("activations are float32"): large integers that differ by a few units
round to the same float32, so the argmax goes to the first of a false tie."""
import numpy as np


def maxpool2d(x, dout, kernel, stride):
    x = np.asarray(x, dtype=np.float32)
    n, c, height, width = x.shape
    k, s = kernel, stride
    h_out, w_out = (height - k) // s + 1, (width - k) // s + 1
    out = np.empty((n, c, h_out, w_out))
    dx = np.zeros(x.shape)
    for i in range(h_out):
        for j in range(w_out):
            win = x[:, :, i * s:i * s + k, j * s:j * s + k].reshape(n, c, k * k)
            a = win.argmax(axis=-1)
            out[:, :, i, j] = win.max(axis=-1)
            for nn in range(n):
                for cc in range(c):
                    dx[nn, cc, i * s + a[nn, cc] // k, j * s + a[nn, cc] % k] += dout[nn, cc, i, j]
    return {"out": out, "dx": dx}
