"""Independent candidate for problems/mmr-retrieval: rows are unit-normalised once (zero vectors stay zero,
so their cosines are 0); a running max-redundancy vector is updated with one matrix-vector product per pick;
ties resolved by the first index within 1e-9 of the best among the unpicked."""
import numpy as np


def _unit(a):
    a = np.array(a, dtype=np.float64)
    nrm = np.sqrt((a * a).sum(axis=-1, keepdims=True))
    return np.divide(a, nrm, out=np.zeros_like(a), where=nrm > 0)


def mmr_select(query, docs, k, lam):
    q = _unit(query)
    D = _unit(docs)
    n = D.shape[0]
    rel = D @ q
    red = np.full(n, -np.inf)
    picked = []
    avail = np.ones(n, dtype=bool)
    for step in range(min(int(k), n)):
        score = rel.copy() if step == 0 else lam * rel - (1.0 - lam) * red
        score[~avail] = -np.inf
        best = score.max()
        i = int(np.flatnonzero(score >= best - 1e-9)[0])
        picked.append(i)
        avail[i] = False
        red = np.maximum(red, D @ D[i])
    return np.array(picked, dtype=np.int64)
