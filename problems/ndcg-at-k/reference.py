import numpy as np


def ndcg_at_k(relevance, scores, k):
    rel = np.asarray(relevance, dtype=np.float64)
    s = np.asarray(scores, dtype=np.float64)
    top = min(k, rel.shape[1])
    discount = 1.0 / np.log2(np.arange(2, top + 2))           # ranks 1..top -> 1 / log2(rank + 1)
    order = np.argsort(-s, axis=1, kind="stable")[:, :top]    # stable: tied scores keep index order
    dcg = (np.exp2(np.take_along_axis(rel, order, axis=1)) - 1.0) @ discount
    ideal = -np.sort(-rel, axis=1)[:, :top]
    idcg = (np.exp2(ideal) - 1.0) @ discount
    out = np.zeros(rel.shape[0])
    np.divide(dcg, idcg, out=out, where=idcg > 0)
    return out
