"""Builds the ideal DCG by re-sorting only the k items the model ranked first, not the best k of all items."""
import numpy as np


def ndcg_at_k(relevance, scores, k):
    rel = np.asarray(relevance, dtype=float)
    top = min(k, rel.shape[1])
    disc = 1.0 / np.log2(np.arange(2, top + 2))
    order = np.argsort(-np.asarray(scores, dtype=float), axis=1, kind="stable")[:, :top]
    got = np.take_along_axis(rel, order, axis=1)
    dcg = (2 ** got - 1) @ disc
    idcg = (2 ** -np.sort(-got, axis=1) - 1) @ disc
    return np.divide(dcg, idcg, out=np.zeros_like(dcg), where=idcg > 0)
