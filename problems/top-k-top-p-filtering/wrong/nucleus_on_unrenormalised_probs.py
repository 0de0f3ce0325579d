"""Runs top-p on the full-softmax probabilities of the top-k survivors without renormalising them first:
their mass sums to less than 1, so the nucleus reaches p later and keeps too many tokens."""
import numpy as np


def top_k_top_p(logits, k, p):
    z = np.asarray(logits, dtype=np.float64)
    out = np.zeros_like(z)
    for r in range(z.shape[0]):
        row = z[r]
        full = np.exp(row - row.max())
        full /= full.sum()
        kth = np.sort(row)[::-1][min(k, row.size) - 1]
        keep = row >= kth
        above = _mass_above(row, np.where(keep, full, 0.0))
        out[r] = np.where(keep & (above < p), full, 0.0)
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
