"""Normalises by norm + 1e-12 to avoid dividing by zero: a nonzero vector of norm about 1e-15 then gets a
cosine near 0 instead of its true value (1 for a document parallel to the query)."""
import numpy as np


def mmr_select(query, docs, k, lam):
    q = np.asarray(query, dtype=np.float64)
    d = np.asarray(docs, dtype=np.float64)
    q = q / (np.linalg.norm(q) + 1e-12)
    d = d / (np.linalg.norm(d, axis=1, keepdims=True) + 1e-12)
    n = d.shape[0]
    relevance = d @ q
    redundancy = np.full(n, -np.inf)
    available = np.ones(n, dtype=bool)
    picked = []
    for step in range(min(k, n)):
        score = relevance if step == 0 else lam * relevance - (1 - lam) * redundancy
        score = np.where(available, score, -np.inf)
        j = int(np.flatnonzero(score >= score.max() - 1e-9)[0])
        picked.append(j)
        available[j] = False
        redundancy = np.maximum(redundancy, d @ d[j])
    return picked
