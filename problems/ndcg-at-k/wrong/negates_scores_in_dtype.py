"""Ranks with np.argsort(-scores, kind="stable") on the scores in their own dtype: on an unsigned array -x does
not reverse the order (0 stays the smallest, so a zero score is ranked first), and in a signed one the
dtype's minimum (-128 in int8) negates to itself and is ranked first."""
import numpy as np


def ndcg_at_k(relevance, scores, k):
    rel = np.asarray(relevance, dtype=np.float64)
    top = min(k, rel.shape[1])
    disc = 1.0 / np.log2(np.arange(2, top + 2))
    order = np.argsort(-np.asarray(scores), axis=1, kind="stable")[:, :top]
    dcg = (2 ** np.take_along_axis(rel, order, axis=1) - 1) @ disc
    idcg = (2 ** -np.sort(-rel, axis=1)[:, :top] - 1) @ disc
    return np.divide(dcg, idcg, out=np.zeros_like(dcg), where=idcg > 0)
