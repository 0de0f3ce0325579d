"""Breaks ties towards the LAST index (a `>=` comparison while scanning), not the lowest one."""
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
        best, j = -np.inf, -1
        for i in range(n):
            if not available[i]:
                continue
            s = relevance[i] if step == 0 else lam * relevance[i] - (1.0 - lam) * redundancy[i]
            if s >= best - 1e-9:
                best, j = max(best, s), i
        picked.append(j)
        available[j] = False
        redundancy = np.maximum(redundancy, d @ d[j])
    return np.array(picked)
