"""Keeps exactly k tokens, the first k of an argsort: ties with the k-th largest logit are cut by the sort
order instead of all being kept."""
import numpy as np


def top_k_top_p(logits, k, p):
    z = np.asarray(logits, dtype=np.float64)
    out = np.zeros_like(z)
    for r in range(z.shape[0]):
        row = z[r]
        keep = np.zeros(row.size, dtype=bool)
        keep[np.argsort(-row, kind="stable")[:k]] = True
        e = np.where(keep, np.exp(row - row.max()), 0.0)
        probs = e / e.sum()
        above = _mass_above(row, probs)
        out[r] = np.where(keep & (above < p), probs, 0.0)
    return out / out.sum(axis=1, keepdims=True)


def _mass_above(row, probs):
    """Per token, the probability of the tokens with a strictly larger logit (one sort, ties grouped)."""
    order = np.argsort(-row, kind="stable")
    zs, ps = row[order], probs[order]
    before = np.concatenate([[0.0], np.cumsum(ps)[:-1]])
    starts = np.concatenate([[True], zs[1:] != zs[:-1]])
    first = np.maximum.accumulate(np.where(starts, np.arange(row.size), 0))
    above = np.empty(row.size)
    above[order] = before[first]
    return above
