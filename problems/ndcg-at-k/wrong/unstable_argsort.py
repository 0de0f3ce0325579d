"""Ranks with np.argsort(-scores) and the default (unstable) sort kind: tied items are not guaranteed to keep
the lower index first, which shows on rows with long tie groups."""
import numpy as np


def ndcg_at_k(relevance, scores, k):
    rel = np.asarray(relevance, dtype=np.float64)
    top = min(k, rel.shape[1])
    disc = 1.0 / np.log2(np.arange(2, top + 2))
    order = np.argsort(-np.asarray(scores, dtype=np.float64), axis=1)[:, :top]
    dcg = (2 ** np.take_along_axis(rel, order, axis=1) - 1) @ disc
    idcg = (2 ** -np.sort(-rel, axis=1)[:, :top] - 1) @ disc
    return np.divide(dcg, idcg, out=np.zeros_like(dcg), where=idcg > 0)
