"""Correct but six nested pure-Python loops over every multiply-add: too slow for the large case."""
import numpy as np


def conv2d(x, w, b, stride=1, padding=0):
    x = np.asarray(x, float)
    w = np.asarray(w, float)
    n, c, h, wd = x.shape
    co, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding))).tolist()
    wl = w.tolist()
    ho = (h + 2 * padding - kh) // stride + 1
    wo = (wd + 2 * padding - kw) // stride + 1
    out = np.empty((n, co, ho, wo))
    for a in range(n):
        for o in range(co):
            for i in range(ho):
                for j in range(wo):
                    total = float(b[o])
                    for ci in range(c):
                        for u in range(kh):
                            row = xp[a][ci][i * stride + u]
                            wrow = wl[o][ci][u]
                            for v in range(kw):
                                total += wrow[v] * row[j * stride + v]
                    out[a, o, i, j] = total
    return out
