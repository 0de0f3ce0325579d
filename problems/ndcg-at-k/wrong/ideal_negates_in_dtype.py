"""Sorts the grades for the ideal DCG with -np.sort(-relevance) in the grades' own dtype: for an unsigned
dtype -x does not reverse the order, so a 0 grade is put first and the IDCG is wrong."""
import numpy as np


def ndcg_at_k(relevance, scores, k):
    relevance = np.asarray(relevance)
    rel = relevance.astype(np.float64)
    top = min(k, rel.shape[1])
    disc = 1.0 / np.log2(np.arange(2, top + 2))
    order = np.argsort(-np.asarray(scores, dtype=np.float64), axis=1, kind="stable")[:, :top]
    dcg = (2 ** np.take_along_axis(rel, order, axis=1) - 1) @ disc
    ideal = -np.sort(-relevance, axis=1)[:, :top]
    idcg = (2 ** ideal.astype(np.float64) - 1) @ disc
    return np.divide(dcg, idcg, out=np.zeros_like(dcg), where=idcg > 0)
