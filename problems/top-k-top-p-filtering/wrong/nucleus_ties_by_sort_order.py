"""The usual library code: sort, cumulative sum, drop a token once the mass before it (in sorted order)
reaches p. Tokens tied with the boundary token are split by the sort order instead of being kept together."""
import numpy as np


def top_k_top_p(logits, k, p):
    z = np.asarray(logits, dtype=np.float64)
    out = np.zeros_like(z)
    for r in range(z.shape[0]):
        row = z[r]
        kth = np.sort(row)[::-1][min(k, row.size) - 1]
        keep = row >= kth
        e = np.where(keep, np.exp(row - row.max()), 0.0)
        probs = e / e.sum()
        order = np.argsort(-row, kind="stable")
        sorted_probs = probs[order]
        before = np.cumsum(sorted_probs) - sorted_probs
        nucleus = np.zeros(row.size, dtype=bool)
        nucleus[order] = before < p
        out[r] = np.where(keep & nucleus, probs, 0.0)
    return out / out.sum(axis=1, keepdims=True)
