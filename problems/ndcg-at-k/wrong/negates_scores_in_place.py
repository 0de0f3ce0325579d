"""Negates the scores in place (np.negative(s, out=s)) after np.asarray(scores, dtype=float), which is the
caller's own array when the scores are already float64: the caller's scores come back negated."""
import numpy as np


def ndcg_at_k(relevance, scores, k):
    rel = np.asarray(relevance, dtype=np.float64)
    s = np.asarray(scores, dtype=np.float64)
    np.negative(s, out=s)
    top = min(k, rel.shape[1])
    disc = 1.0 / np.log2(np.arange(2, top + 2))
    order = np.argsort(s, axis=1, kind="stable")[:, :top]
    dcg = (2 ** np.take_along_axis(rel, order, axis=1) - 1) @ disc
    idcg = (2 ** -np.sort(-rel, axis=1)[:, :top] - 1) @ disc
    return np.divide(dcg, idcg, out=np.zeros_like(dcg), where=idcg > 0)
