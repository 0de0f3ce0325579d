"""Makes the first pick with the MMR formula and an empty redundancy of 0 (lam * relevance): for lam = 0
every score is 0 and document 0 is picked first instead of the most relevant one."""
import numpy as np


def _unit(a):
    norms = np.linalg.norm(a, axis=-1, keepdims=True)
    return a / np.where(norms > 0, norms, 1.0)


def mmr_select(query, docs, k, lam):
    q = _unit(np.asarray(query, dtype=np.float64))
    d = _unit(np.asarray(docs, dtype=np.float64))
    n = d.shape[0]
    relevance = d @ q
    redundancy = np.zeros(n)
    available = np.ones(n, dtype=bool)
    picked = []
    for step in range(min(k, n)):
        score = lam * relevance - (1.0 - lam) * (redundancy if step else 0.0)
        score = np.where(available, score, -np.inf)
        j = int(np.flatnonzero(score >= score.max() - 1e-9)[0])
        picked.append(j)
        available[j] = False
        sim = d @ d[j]
        redundancy = sim if step == 0 else np.maximum(redundancy, sim)
    return np.array(picked)
