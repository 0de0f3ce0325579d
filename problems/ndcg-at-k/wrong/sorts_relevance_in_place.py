"""Builds the ideal ranking with relevance.sort(axis=1), which sorts the caller's array in place (after the
DCG has been computed, so the returned values are right but the input is destroyed)."""
import numpy as np


def ndcg_at_k(relevance, scores, k):
    top = min(k, relevance.shape[1])
    disc = 1.0 / np.log2(np.arange(2, top + 2))
    order = np.argsort(-np.asarray(scores, dtype=np.float64), axis=1, kind="stable")[:, :top]
    dcg = (2.0 ** np.take_along_axis(relevance, order, axis=1) - 1) @ disc
    relevance.sort(axis=1)
    idcg = (2.0 ** relevance[:, ::-1][:, :top] - 1) @ disc
    return np.divide(dcg, idcg, out=np.zeros_like(dcg), where=idcg > 0)
