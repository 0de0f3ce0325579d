import numpy as np


def cases():
    rng = np.random.default_rng(20261127)
    out = [
        {"name": "example-one-query", "public": True,
         "args": [np.array([[3, 2, 3, 0, 1, 2]]), np.array([[0.9, 0.8, 0.7, 0.6, 0.5, 0.4]]), 6]},
        {"name": "example-ties-and-no-relevant", "public": True,
         "args": [np.array([[0, 1, 2], [0, 0, 0]]), np.array([[0.5, 0.5, 0.1], [1.0, 2.0, 3.0]]), 2]},
    ]
    out.append({"name": "single-item", "public": False, "args": [np.array([[2]]), np.array([[0.3]]), 1]})
    out.append({"name": "k-larger-than-items", "public": False,
                "args": [np.array([[0, 2, 1, 0], [1, 0, 0, 3]]), rng.normal(size=(2, 4)), 10]})
    rel = rng.integers(0, 4, size=(6, 8))
    out.append({"name": "k1", "public": False, "args": [rel, rng.normal(size=(6, 8)), 1]})
    # Rank 2 discounts by log2(3), not by log2(2): the classic off-by-one shows here.
    out.append({"name": "k2-discount", "public": False,
                "args": [np.array([[1, 3, 0, 2]]), np.array([[4.0, 3.0, 2.0, 1.0]]), 2]})
    rel = rng.integers(0, 3, size=(5, 7))
    rel[[1, 3]] = 0
    out.append({"name": "some-queries-all-irrelevant", "public": False,
                "args": [rel, rng.normal(size=(5, 7)), 4]})
    # Relevant items outside the top k: the ideal DCG is over the best k, not over all items.
    out.append({"name": "relevant-beyond-k", "public": False,
                "args": [np.array([[0, 0, 1, 2, 3, 1, 2, 0]]), np.arange(8.0, 0.0, -1.0)[None, :], 3]})
    rel = rng.integers(0, 4, size=(4, 10))
    scores = rng.integers(0, 3, size=(4, 10))  # integer scores with many ties
    out.append({"name": "many-ties-int-scores", "public": False, "args": [rel, scores, 5]})
    rel = rng.integers(0, 4, size=(3, 9))
    out.append({"name": "all-scores-tied", "public": False, "args": [rel, np.full((3, 9), 0.25), 4]})
    rel = rng.integers(0, 5, size=(3, 12))
    out.append({"name": "perfect-ranking", "public": False, "args": [rel, rel + 0.1 * rng.random((3, 12)), 12]})
    out.append({"name": "reversed-ranking", "public": False, "args": [rel, -rel.astype(float), 5]})
    rel = rng.integers(0, 6, size=(20, 15)).astype(np.uint8)
    out.append({"name": "uint8-grades-up-to-5", "public": False, "args": [rel, rng.normal(size=(20, 15)), 7]})
    # Large batch; scores rounded to two decimals so that ties occur throughout.
    rel = np.minimum(rng.geometric(0.5, size=(1000, 100)) - 1, 4).astype(np.int8)
    scores = np.round(rel * 0.3 + rng.normal(size=(1000, 100)), 2)
    out.append({"name": "large-batch-1000x100", "public": False, "args": [rel, scores, 10]})
    return out
