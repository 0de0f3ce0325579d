"""Discounts by log2(rank) with the first item undiscounted (the original Jarvelin-Kekalainen form)
instead of log2(rank + 1): rank 2 is divided by 1 rather than log2(3)."""
import numpy as np


def ndcg_at_k(relevance, scores, k):
    rel = np.asarray(relevance, dtype=float)
    top = min(k, rel.shape[1])
    ranks = np.arange(1, top + 1)
    disc = 1.0 / np.maximum(np.log2(ranks), 1.0)
    order = np.argsort(-np.asarray(scores, dtype=float), axis=1, kind="stable")[:, :top]
    dcg = (2 ** np.take_along_axis(rel, order, axis=1) - 1) @ disc
    idcg = (2 ** -np.sort(-rel, axis=1)[:, :top] - 1) @ disc
    return np.divide(dcg, idcg, out=np.zeros_like(dcg), where=idcg > 0)
