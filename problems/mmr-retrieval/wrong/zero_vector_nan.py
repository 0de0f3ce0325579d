"""Divides by the norms without a guard: a zero query or zero document gives nan similarities instead of
the stated 0, so a zero document is never picked (or nothing can be picked when the query is zero)."""
import numpy as np


def mmr_select(query, docs, k, lam):
    q = np.asarray(query, dtype=np.float64)
    d = np.asarray(docs, dtype=np.float64)
    with np.errstate(all="ignore"):
        q = q / np.linalg.norm(q)
        d = d / np.linalg.norm(d, axis=1, keepdims=True)
    n = d.shape[0]
    relevance = d @ q
    redundancy = np.full(n, -np.inf)
    available = np.ones(n, dtype=bool)
    picked = []
    for step in range(min(k, n)):
        score = relevance if step == 0 else lam * relevance - (1.0 - lam) * redundancy
        score = np.where(available, score, -np.inf)
        j = int(np.flatnonzero(score >= np.nanmax(score) - 1e-9)[0])
        picked.append(j)
        available[j] = False
        redundancy = np.maximum(redundancy, d @ d[j])
    return np.array(picked)
