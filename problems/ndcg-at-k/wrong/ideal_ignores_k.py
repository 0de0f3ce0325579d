"""Truncates the DCG at k but sums the ideal DCG over all items, so NDCG@k can never reach 1 when relevant
items lie beyond k."""
import numpy as np


def ndcg_at_k(relevance, scores, k):
    rel = np.asarray(relevance, dtype=float)
    m = rel.shape[1]
    top = min(k, m)
    disc = 1.0 / np.log2(np.arange(2, m + 2))
    order = np.argsort(-np.asarray(scores, dtype=float), axis=1, kind="stable")[:, :top]
    dcg = (2 ** np.take_along_axis(rel, order, axis=1) - 1) @ disc[:top]
    idcg = (2 ** -np.sort(-rel, axis=1) - 1) @ disc
    return np.divide(dcg, idcg, out=np.zeros_like(dcg), where=idcg > 0)
