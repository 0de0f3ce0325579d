"""Scores with raw dot products instead of cosine similarities (no normalisation): long documents look
more relevant and more redundant than they are. Otherwise the MMR loop is right."""
import numpy as np


def mmr_select(query, docs, k, lam):
    q = np.asarray(query, dtype=np.float64)
    d = np.asarray(docs, dtype=np.float64)
    n = d.shape[0]
    relevance = d @ q
    redundancy = np.full(n, -np.inf)
    available = np.ones(n, dtype=bool)
    picked = []
    for step in range(min(k, n)):
        score = relevance if step == 0 else lam * relevance - (1.0 - lam) * redundancy
        score = np.where(available, score, -np.inf)
        j = int(np.flatnonzero(score >= score.max() - 1e-9)[0])
        picked.append(j)
        available[j] = False
        redundancy = np.maximum(redundancy, d @ d[j])
    return np.array(picked)
