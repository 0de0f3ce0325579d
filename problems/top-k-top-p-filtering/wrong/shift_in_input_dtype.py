"""Subtracts the row maximum before converting to float: for integer logits the subtraction happens in the
input's dtype and wraps around (int8: -128 - 127 == 1, uint8: 0 - 255 == 1)."""
import numpy as np


def top_k_top_p(logits, k, p):
    shifted = (logits - logits.max(axis=1, keepdims=True)).astype(np.float64)
    out = np.zeros(shifted.shape)
    for r in range(shifted.shape[0]):
        row = shifted[r]
        kth = np.sort(row)[::-1][min(k, row.size) - 1]
        keep = row >= kth
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
