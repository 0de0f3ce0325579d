"""Decides ties with np.isclose's defaults (rtol 1e-5, atol 1e-8) instead of the absolute 1e-9 the statement
fixes: scores that differ by a few 1e-7 are taken as tied and the lower index wins."""
import numpy as np


def _unit(a):
    norms = np.linalg.norm(a, axis=-1, keepdims=True)
    return a / np.where(norms > 0, norms, 1.0)


def mmr_select(query, docs, k, lam):
    q = _unit(np.asarray(query, dtype=np.float64))
    d = _unit(np.asarray(docs, dtype=np.float64))
    n = d.shape[0]
    relevance = d @ q
    redundancy = np.full(n, -np.inf)
    available = np.ones(n, dtype=bool)
    picked = []
    for step in range(min(k, n)):
        score = relevance if step == 0 else lam * relevance - (1 - lam) * redundancy
        score = np.where(available, score, -np.inf)
        j = int(np.flatnonzero(np.isclose(score, score.max()))[0])
        picked.append(j)
        available[j] = False
        redundancy = np.maximum(redundancy, d @ d[j])
    return picked
