"""Computes the softmax as exp(z) / sum(exp(z)) without subtracting the row maximum: exp overflows to inf
for logits in the thousands (inf / inf = nan) and underflows to 0 for very negative rows (0 / 0 = nan)."""
import numpy as np


def top_k_top_p(logits, k, p):
    z = np.asarray(logits, dtype=np.float64)
    out = np.zeros_like(z)
    with np.errstate(all="ignore"):
        for r in range(z.shape[0]):
            row = z[r]
            kth = np.sort(row)[::-1][min(k, row.size) - 1]
            keep = row >= kth
            e = np.where(keep, np.exp(row), 0.0)
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
