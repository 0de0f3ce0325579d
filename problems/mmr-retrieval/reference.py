import numpy as np

TIE_TOL = 1e-9  # scores within this of the best are tied; the lowest index wins (statement)


def _unit_rows(a):
    """Rows scaled to unit length; zero rows stay zero, so their cosine with anything is 0."""
    norms = np.linalg.norm(a, axis=-1, keepdims=True)
    return a / np.where(norms > 0, norms, 1.0)


def mmr_select(query, docs, k, lam):
    q = _unit_rows(np.asarray(query, dtype=np.float64))   # float64 first: integer dots must not wrap
    d = _unit_rows(np.asarray(docs, dtype=np.float64))
    n = d.shape[0]
    relevance = d @ q
    redundancy = np.full(n, -np.inf)       # max cosine to the picked set, updated after each pick
    available = np.ones(n, dtype=bool)
    picked = []
    for step in range(min(k, n)):
        score = relevance if step == 0 else lam * relevance - (1.0 - lam) * redundancy
        score = np.where(available, score, -np.inf)
        j = int(np.flatnonzero(score >= score.max() - TIE_TOL)[0])
        picked.append(j)
        available[j] = False
        redundancy = np.maximum(redundancy, d @ d[j])
    return np.array(picked, dtype=np.int64)
