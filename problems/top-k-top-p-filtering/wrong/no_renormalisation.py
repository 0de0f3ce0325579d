"""Filters correctly but returns the surviving tokens' probabilities from the full softmax without
renormalising them: the rows no longer sum to 1."""
import numpy as np


def top_k_top_p(logits, k, p):
    z = np.asarray(logits, dtype=np.float64)
    full = np.exp(z - z.max(axis=1, keepdims=True))
    full /= full.sum(axis=1, keepdims=True)
    out = np.zeros_like(z)
    for r in range(z.shape[0]):
        row = z[r]
        kth = np.sort(row)[::-1][min(k, row.size) - 1]
        keep = row >= kth
        e = np.where(keep, np.exp(row - row.max()), 0.0)
        probs = e / e.sum()
        above = _mass_above(row, probs)
        out[r] = np.where(keep & (above < p), full[r], 0.0)
    return out


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
