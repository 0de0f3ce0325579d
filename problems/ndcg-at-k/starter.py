import numpy as np


def ndcg_at_k(relevance: np.ndarray, scores: np.ndarray, k: int) -> np.ndarray:
    """NDCG@k of every query (row): gain 2**rel - 1, discount 1 / log2(rank + 1), ranks from 1.

    relevance: (n_queries, n_items) non-negative integer grades; scores: (n_queries, n_items) model scores.
    Items are ranked by decreasing score, ties broken by lower item index first.
    Returns a float64 array of shape (n_queries,); a query whose ideal DCG is 0 gets 0.0.
    """
    raise NotImplementedError
