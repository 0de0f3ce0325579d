"""Uses the MEAN similarity to the picked documents as the redundancy instead of the maximum: a candidate
that nearly duplicates one pick but is far from the others looks diverse."""
import numpy as np


def _unit(a):
    norms = np.linalg.norm(a, axis=-1, keepdims=True)
    return a / np.where(norms > 0, norms, 1.0)


def mmr_select(query, docs, k, lam):
    q = _unit(np.asarray(query, dtype=np.float64))
    d = _unit(np.asarray(docs, dtype=np.float64))
    n = d.shape[0]
    relevance = d @ q
    total = np.zeros(n)
    available = np.ones(n, dtype=bool)
    picked = []
    for step in range(min(k, n)):
        score = relevance if step == 0 else lam * relevance - (1.0 - lam) * total / step
        score = np.where(available, score, -np.inf)
        j = int(np.flatnonzero(score >= score.max() - 1e-9)[0])
        picked.append(j)
        available[j] = False
        total += d @ d[j]
    return np.array(picked)
