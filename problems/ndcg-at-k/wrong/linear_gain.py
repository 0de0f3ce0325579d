"""Uses the linear gain rel instead of 2**rel - 1 (scikit-learn's ndcg_score convention, not this one)."""
import numpy as np


def ndcg_at_k(relevance, scores, k):
    rel = np.asarray(relevance, dtype=float)
    top = min(k, rel.shape[1])
    disc = 1.0 / np.log2(np.arange(2, top + 2))
    order = np.argsort(-np.asarray(scores, dtype=float), axis=1, kind="stable")[:, :top]
    dcg = np.take_along_axis(rel, order, axis=1) @ disc
    idcg = -np.sort(-rel, axis=1)[:, :top] @ disc
    return np.divide(dcg, idcg, out=np.zeros_like(dcg), where=idcg > 0)
