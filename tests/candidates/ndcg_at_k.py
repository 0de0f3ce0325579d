"""Independent candidate for problems/ndcg-at-k: a plain per-query loop with Python's sorted() keyed on
(-score, index) for the ranking and math.log2 for the discounts."""
import math

import numpy as np


def _dcg(grades):
    return sum((2.0 ** g - 1.0) / math.log2(rank + 1) for rank, g in enumerate(grades, start=1))


def ndcg_at_k(relevance, scores, k):
    rel = np.asarray(relevance).tolist()
    sc = np.asarray(scores).tolist()
    result = []
    for r, s in zip(rel, sc):
        ranked = sorted(range(len(r)), key=lambda i: (-s[i], i))[:k]
        dcg = _dcg([r[i] for i in ranked])
        idcg = _dcg(sorted(r, reverse=True)[:k])
        result.append(dcg / idcg if idcg > 0 else 0.0)
    return np.array(result, dtype=np.float64)
