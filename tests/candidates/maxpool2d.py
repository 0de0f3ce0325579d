"""Independent candidate for problems/maxpool2d: no argmax and no window tensor. The max is a running
np.maximum over the k*k strided offset views (u, v); the backward visits the offsets in row-major order and
lets each window be "claimed" by the first offset whose value equals its max; since one offset maps windows
to distinct positions, its dout slice is added to a strided slice of dx (overlaps accumulate)."""
import numpy as np


def maxpool2d(x, dout, kernel, stride):
    x = np.asarray(x)                               # compare in the input's own dtype (exact)
    dout = np.asarray(dout, dtype=np.float64)
    k, s = int(kernel), int(stride)
    N, C, H, W = x.shape
    Ho, Wo = (H - k) // s + 1, (W - k) // s + 1

    def view(u, v):
        return x[:, :, u:u + s * (Ho - 1) + 1:s, v:v + s * (Wo - 1) + 1:s]

    best = view(0, 0).copy()
    for u in range(k):
        for v in range(k):
            np.maximum(best, view(u, v), out=best)
    dx = np.zeros((N, C, H, W), dtype=np.float64)
    unclaimed = np.ones(best.shape, dtype=bool)
    for u in range(k):
        for v in range(k):
            hit = unclaimed & (view(u, v) == best)
            unclaimed &= ~hit
            dx[:, :, u:u + s * (Ho - 1) + 1:s, v:v + s * (Wo - 1) + 1:s] += np.where(hit, dout, 0.0)
    return {"out": best.astype(np.float64), "dx": dx}
