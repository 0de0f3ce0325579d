"""Normalises the documents in place: np.asarray(docs, dtype=float) is the caller's own array when docs is
already float64, so `d /= norms` rescales the caller's embeddings. The picks themselves are right."""
import numpy as np


def mmr_select(query, docs, k, lam):
    q = np.asarray(query, dtype=np.float64)
    d = np.asarray(docs, dtype=np.float64)
    norms = np.linalg.norm(d, axis=1, keepdims=True)
    d /= np.where(norms > 0, norms, 1.0)
    qn = np.linalg.norm(q)
    q = q / qn if qn > 0 else q
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
