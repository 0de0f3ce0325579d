"""Applies top-p on the full softmax first and top-k afterwards (the order swapped): the nucleus is
computed on probabilities that were never renormalised over the top-k tokens."""
import numpy as np


def top_k_top_p(logits, k, p):
    z = np.asarray(logits, dtype=np.float64)
    probs = np.exp(z - z.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    out = np.zeros_like(probs)
    for r in range(z.shape[0]):
        row = z[r]
        above = _mass_above(row, probs[r])
        keep = above < p
        kth = np.sort(row[keep])[::-1][min(k, keep.sum()) - 1]
        keep &= row >= kth
        out[r] = np.where(keep, probs[r], 0.0)
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
