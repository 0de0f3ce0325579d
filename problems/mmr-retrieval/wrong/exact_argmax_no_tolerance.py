"""Takes the plain np.argmax of the scores, ignoring the stated 1e-9 tie tolerance: two documents that
point the same way but whose cosines differ in the last bit (a copy scaled by 3) are not treated as tied."""
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
        score = relevance if step == 0 else lam * relevance - (1.0 - lam) * redundancy
        j = int(np.argmax(np.where(available, score, -np.inf)))
        picked.append(j)
        available[j] = False
        redundancy = np.maximum(redundancy, d @ d[j])
    return np.array(picked)
