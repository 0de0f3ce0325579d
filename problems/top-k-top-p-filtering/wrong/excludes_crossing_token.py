"""Keeps the sorted tokens while the cumulative probability *including* the token is <= p, so the token
that makes the mass cross p is dropped (the kept set stays below p instead of reaching it); the top token
is always kept."""
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
        cum = np.cumsum(probs[order])
        nucleus = np.zeros(row.size, dtype=bool)
        nucleus[order] = cum <= p
        nucleus[order[0]] = True
        out[r] = np.where(keep & nucleus, probs, 0.0)
    return out / out.sum(axis=1, keepdims=True)
