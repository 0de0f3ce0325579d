"""im2col done right, but the kernel is turned into a matrix with `w.shape = (C_out, -1)`, which reshapes
the caller's array in place: the output is correct and w comes back 2-D."""
import numpy as np


def conv2d(x, w, b, stride=1, padding=0):
    n, c, h, wd = x.shape
    co, _, kh, kw = w.shape
    xp = np.pad(np.asarray(x, dtype=np.float64), ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    ho = (h + 2 * padding - kh) // stride + 1
    wo = (wd + 2 * padding - kw) // stride + 1
    cols = np.empty((n, c, kh, kw, ho, wo))
    for u in range(kh):
        for v in range(kw):
            cols[:, :, u, v] = xp[:, :, u:u + stride * (ho - 1) + 1:stride, v:v + stride * (wo - 1) + 1:stride]
    w.shape = (co, c * kh * kw)
    out = np.einsum("ok,nkhw->nohw", w.astype(np.float64), cols.reshape(n, c * kh * kw, ho, wo))
    return out + np.asarray(b, dtype=np.float64)[None, :, None, None]
