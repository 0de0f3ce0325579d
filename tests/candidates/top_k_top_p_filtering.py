"""Independent candidate for problems/top-k-top-p-filtering: per row, np.unique groups equal logits
(ascending); the top-k cut is a threshold on the k-th largest value; the nucleus mass A of a group is the
total q of all groups above it, obtained from a reversed exclusive cumulative sum over groups, so ties
are decided together without any per-token sort order."""
import numpy as np


def top_k_top_p(logits, k, p):
    Z = np.array(logits, dtype=np.float64)
    B, V = Z.shape
    out = np.zeros((B, V))
    for r in range(B):
        z = Z[r]
        if k < V:
            kth = np.partition(z, V - k)[V - k]      # k-th largest
            keep = z >= kth
        else:
            keep = np.ones(V, dtype=bool)
        e = np.where(keep, np.exp(z - z.max()), 0.0)
        q = e / e.sum()
        vals, inv = np.unique(z, return_inverse=True)  # ascending distinct logits
        inv = inv.ravel()
        gmass = np.bincount(inv, weights=q, minlength=len(vals))
        # mass strictly above group g = sum of gmass[g+1:]
        above = np.concatenate([np.cumsum(gmass[::-1])[::-1][1:], [0.0]])
        keep2 = keep & (above[inv] < p)
        f = np.where(keep2, q, 0.0)
        out[r] = f / f.sum()
    return out
