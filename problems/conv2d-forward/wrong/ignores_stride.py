"""Accepts `stride` but always slides the window one pixel at a time."""
import numpy as np


def conv2d(x, w, b, stride=1, padding=0):
    x = np.asarray(x, float)
    w = np.asarray(w, float)
    n, c, h, wd = x.shape
    co, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    ho = h + 2 * padding - kh + 1
    wo = wd + 2 * padding - kw + 1
    out = np.empty((n, co, ho, wo))
    for i in range(ho):
        for j in range(wo):
            patch = xp[:, :, i:i + kh, j:j + kw]
            out[:, :, i, j] = np.tensordot(patch, w, axes=([1, 2, 3], [1, 2, 3]))
    return out + np.asarray(b, float)[None, :, None, None]
