"""Forgets to exclude documents already picked: a document can be picked again whenever its relevance
outweighs its redundancy (a similarity of 1 to itself), e.g. for lam close to 1."""
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
    picked = []
    for step in range(min(k, n)):
        score = relevance if step == 0 else lam * relevance - (1.0 - lam) * redundancy
        j = int(np.flatnonzero(score >= score.max() - 1e-9)[0])
        picked.append(j)
        redundancy = np.maximum(redundancy, d @ d[j])
    return np.array(picked)
